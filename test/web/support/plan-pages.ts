import { expect, type Page } from '@playwright/test';
import { addDays } from 'date-fns';
import { referFamily } from './referral-pages.js';
import { signInAs, signOut } from './sign-in.js';
import { acceptForEarlyHelp } from './triage-pages.js';

/**
 * A family with an open plan led by Tamsin Quillfeather: the school refers, the hub's triager accepts, and the
 * lead opens the plan from the agency's families (reloading until the view has caught up). Answers its path.
 */
export async function openPlanAsLead(page: Page, familyName: string): Promise<string> {
  await signInAs(page, 'school-dsl');
  await referFamily(page, familyName);
  await signOut(page);
  await signInAs(page, 'hub-triager');
  await acceptForEarlyHelp(page, familyName);
  await expect(async () => {
    await page.goto(`/families?name=${encodeURIComponent(familyName)}`);
    await expect(page.getByTestId('families').getByRole('link', { name: new RegExp(familyName) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await page
    .getByTestId('families')
    .getByRole('link', { name: new RegExp(familyName) })
    .click();
  await page.getByRole('link', { name: 'Open the plan' }).click();
  await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
  return new URL(page.url()).pathname;
}

/** Adds an agency to the team; `role` is its role in the plan when the directory gives the person no job title. */
export async function addToTeam(
  page: Page,
  planPath: string,
  practitioner: string,
  agency: string,
  role?: string,
): Promise<void> {
  await page.goto(`${planPath}/team/add`);
  await page.getByLabel('Who is their contact for this family?').selectOption({ label: `${practitioner}, ${agency}` });
  if (role) await page.getByLabel("Their agency's role in the plan (optional)").fill(role);
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByText(`${agency} has joined the team`)).toBeVisible();
}

export async function planSection(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Plan sections' })
    .getByRole('link', { name: section, exact: true })
    .click();
}

/** Fills a GOV.UK date input (its boxes are labelled Day, Month and Year inside the question's group). */
export async function fillDate(page: Page, question: string, date: Date): Promise<void> {
  const group = page.getByRole('group', { name: question });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

export function daysFromNow(days: number): Date {
  return addDays(new Date(), days);
}
