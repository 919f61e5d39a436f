import { expect, type Page } from '@playwright/test';

/** A date input's three boxes, by the fieldset's legend. */
export async function fillDate(page: Page, legend: string, date: Date | string): Promise<void> {
  const [year, month, day] = (typeof date === 'string' ? date : isoDate(date)).split('-');
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year!);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000);
}

/** Adds calendar months to a date (the last day of the month when it has fewer days). */
export function monthsAfter(date: Date, months: number): Date {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result;
}

/**
 * Fills in the record-an-order form for a youth offending team's order (ASBA 2003 s.26), made
 * `madeDaysAgo` days ago, with a programme of two months and a school-escort requirement ending on
 * `escortEndsOn`.
 */
export async function fillOrderForm(
  page: Page,
  family: { child: string; parent: string; familyName: string },
  madeOn: Date,
  escortEndsOn: Date,
): Promise<void> {
  await page.getByLabel('Anti-social Behaviour Act 2003, section 26: applied for by a youth offending team').check();
  await page.getByRole('group', { name: 'Who applied for the order' }).getByLabel('The youth offending team').check();
  await page.getByLabel('Youth court').check();
  await page.getByLabel('Name of the court').fill('Demo Youth Court');
  await fillDate(page, 'Date the order was made', madeOn);
  await page.getByLabel('Why the court made the order').fill('Invented: repeated damage to the bus shelter');
  await page.getByRole('group', { name: 'Has the parent had a parenting order before?' }).getByLabel('No').check();
  await page.getByLabel("Child's first name").fill(family.child);
  await page.getByLabel("Child's last name").fill(family.familyName);
  await page.getByLabel("Parent's first name").fill(family.parent);
  await page.getByLabel("Parent's last name").fill(family.familyName);
  await page.getByLabel('Programme', { exact: true }).fill('Attend the Strengthening Families programme');
  await fillDate(page, 'Programme starts', madeOn);
  await fillDate(page, 'Programme ends', monthsAfter(madeOn, 2));
  await page.getByLabel('Requirement', { exact: true }).selectOption({ label: 'Escort the child to school' });
  await page.getByLabel('What it asks of the parent').fill(`Escort ${family.child} to school every school day`);
  await fillDate(page, 'Requirement starts', madeOn);
  await fillDate(page, 'Requirement ends', escortEndsOn);
}

export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
}

/**
 * As the signed-in officer: records a valid order made 20 days ago, schedules a programme session 13 days
 * ago and records that the parent missed it without excuse. Returns the order page's address.
 */
export async function recordOrderWithMissedSession(page: Page, familyName: string): Promise<string> {
  const madeOn = daysAgo(20);
  const sessionOn = daysAgo(13);
  await page.goto('/orders/new');
  await fillOrderForm(page, { child: 'Alfie', parent: 'Jo', familyName }, madeOn, monthsAfter(madeOn, 11));
  await page.getByRole('button', { name: 'Record the order' }).click();
  await expectHeading(page, `Parenting order for Alfie ${familyName}`);
  const orderUrl = page.url();
  await page.getByRole('button', { name: 'Schedule a programme session' }).click();
  await fillDate(page, 'Date of the session', sessionOn);
  await page.getByLabel('Starts at').fill('17:00');
  await page.getByLabel('Ends at').fill('19:00');
  await page.getByRole('button', { name: 'Schedule the session' }).click();
  await page.getByRole('button', { name: 'Record compliance' }).click();
  await page.getByLabel(/Parenting programme \(counselling or guidance\)/).check();
  await page.getByLabel('Programme session').selectOption({ index: 1 });
  await fillDate(page, 'Date it happened', sessionOn);
  await page.getByLabel('Missed, without a reasonable excuse').check();
  await page.getByRole('button', { name: 'Record compliance' }).click();
  await expect(page.getByTestId('enforcement-case')).toContainText('Contact overdue');
  return orderUrl;
}
