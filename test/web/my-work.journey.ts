import { expect, test, type Page } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { referFamily } from './support/referral-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';
import { acceptForEarlyHelp } from './support/triage-pages.js';

test('a practitioner starts at My work: the plans they lead, and a handover waiting for the one it is proposed to', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Larkspur');
  await signInAs(page, 'school-dsl');
  // A practitioner's start page is My work.
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My work');
  await referFamily(page, familyName);
  await signOut(page);

  await signInAs(page, 'hub-triager');
  await acceptForEarlyHelp(page, familyName);
  // taf opens the plan on the decision's event (its reaction, not the triager's write): Tamsin looks again
  // until it is among the plans she leads, as she would.
  const planRow = page.getByTestId('plans').getByRole('row', { name: new RegExp(familyName) });
  await reloadUntilVisible(page, '/my-work', planRow);
  await expect(planRow).toContainText('Review due');
  await expect(page.getByRole('link', { name: 'My work' })).toHaveAttribute('aria-current', 'page');
  await checkScreen(page, testInfo, 'my-work-lead');

  await planRow.getByRole('link').click();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Add an agency to the team' }).click();
  await page
    .getByLabel('Who is their contact for this family?')
    .selectOption({ label: 'Priya Lanternby, Oakfield Primary School' });
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Hand over the lead' }).click();
  await page
    .getByLabel('Who will be the lead professional?')
    .selectOption({ label: 'Priya Lanternby, Oakfield Primary School' });
  await page.getByLabel('The family agrees with this choice').check();
  await page.getByRole('button', { name: 'Propose the handover' }).click();
  await expect(page.getByText('Handover proposed to Priya Lanternby.')).toBeVisible();
  const planUrl = page.url();
  await signOut(page);

  // The school is told by a notification (notifications' reaction to taf's event), so it may take a moment.
  await signInAs(page, 'school-dsl');
  const planPath = new URL(planUrl).pathname;
  await reloadUntilVisible(page, '/inbox?show=unread', page.locator(`a[href="${planPath}"]`).first());
  const handover = page.getByTestId('handovers').getByRole('listitem').filter({ hasText: familyName });
  await reloadUntilVisible(page, '/my-work', handover);
  await expect(handover).toContainText('proposed by Tamsin Quillfeather, Demo Early Help Hub');
  await expect(page.getByTestId('unread-summary')).toContainText(/You have \d+ unread notifications?/);
  await expect(page.getByTestId('actions-empty')).toBeVisible();
  await checkScreen(page, testInfo, 'my-work-handover');
  await handover.getByRole('link').click();
  await expect(
    page.getByText('The lead professional role is proposed to Priya Lanternby, Oakfield Primary School.'),
  ).toBeVisible();
});

async function reloadUntilVisible(page: Page, path: string, target: ReturnType<Page['getByTestId']>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await expect(target).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}
