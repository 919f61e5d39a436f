import { expect, test, type Page } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { referFamily } from './support/referral-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';
import { acceptForEarlyHelp } from './support/triage-pages.js';

test('the lead professional finds the family, sees the plan with the lead at the top, and hands over to the school, which accepts', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Hollowmere');
  await signInAs(page, 'school-dsl');
  await referFamily(page, familyName);
  await signOut(page);
  await signInAs(page, 'hub-triager');
  await acceptForEarlyHelp(page, familyName);

  // taf opens the plan on the decision's event, and the agency's view follows it: that is taf's reaction, not a
  // write of the triager's own (whose events the next page could wait for), so the triager looks again until the
  // plan is there, as they would.
  await expect(async () => {
    await page.goto(`/families?name=${encodeURIComponent(familyName)}`);
    await expect(familyRow(page, familyName, 'Tamsin Quillfeather')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await openFamily(page, familyName);
  await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
  await checkScreen(page, testInfo, 'family-as-lead');
  await page.getByRole('link', { name: 'Open the plan' }).click();

  await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
  await expect(page.getByRole('navigation', { name: 'Plan sections' })).toBeVisible();
  await checkScreen(page, testInfo, 'plan-overview');
  for (const [section, screen] of [
    ['Outcomes and actions', 'plan-outcomes'],
    ['Team', 'plan-team'],
    ['Timeline', 'plan-timeline'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: section }).click();
    await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
    await checkScreen(page, testInfo, screen);
  }

  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Add an agency to the team' }).click();
  await page
    .getByLabel('Who is their contact for this family?')
    .selectOption({ label: 'Priya Lanternby, Oakfield Primary School' });
  await checkScreen(page, testInfo, 'plan-add-member');
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByText('Oakfield Primary School has joined the team')).toBeVisible();
  await expect(page.getByTestId('team')).toContainText('Priya Lanternby');

  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Hand over the lead' }).click();
  await page.getByRole('button', { name: 'Propose the handover' }).click();
  await expect(page.getByRole('link', { name: 'Choose who will lead' })).toBeVisible();
  await checkScreen(page, testInfo, 'handover-errors');
  await page
    .getByLabel('Who will be the lead professional?')
    .selectOption({ label: 'Priya Lanternby, Oakfield Primary School' });
  await page.getByLabel('The family agrees with this choice').check();
  await page
    .getByLabel('What the family said (optional)')
    .fill('Jo would like the school to lead, as Alfie is there every day.');
  await page.getByRole('button', { name: 'Propose the handover' }).click();
  await expect(page.getByText('Handover proposed to Priya Lanternby.')).toBeVisible();
  await checkScreen(page, testInfo, 'handover-proposed');
  const planUrl = page.url();
  await signOut(page);

  await signInAs(page, 'school-dsl', new URL(planUrl).pathname);
  await expect(
    page.getByText('The lead professional role is proposed to Priya Lanternby, Oakfield Primary School.'),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'handover-for-me');
  await page.getByRole('button', { name: 'Accept and become the lead professional' }).click();
  await expect(page.getByText('You are now the lead professional for this family.')).toBeVisible();
  await expect(page.getByTestId('lead-professional')).toContainText('Priya Lanternby');
  await checkScreen(page, testInfo, 'handover-accepted');
  // The school's next look at the agency's view waits for its own acceptance (read-your-writes): no reloading.
  await openFamily(page, familyName, 'Priya Lanternby');
  await signOut(page);

  // Every member's view shows the new lead, already applied when the school read it.
  await signInAs(page, 'hub-triager');
  await openFamily(page, familyName, 'Priya Lanternby');
  await checkScreen(page, testInfo, 'family-after-handover');
});

function familyRow(page: Page, familyName: string, lead: string) {
  return page.getByTestId('families').getByRole('row', { name: new RegExp(`${familyName}.*${lead}`) });
}

/** Finds the family by name in the agency's families and opens it: the view must already show the lead. */
async function openFamily(page: Page, familyName: string, lead = 'Tamsin Quillfeather'): Promise<void> {
  await page.goto(`/families?name=${encodeURIComponent(familyName)}`);
  await expect(familyRow(page, familyName, lead)).toBeVisible();
  await page
    .getByTestId('families')
    .getByRole('link', { name: new RegExp(familyName) })
    .click();
  await expect(page.getByTestId('lead-professional')).toContainText(lead);
}
