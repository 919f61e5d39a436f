import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { referFamily } from './support/referral-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';

test('the front door decides a school’s referral from its queue, and the school sees the outcome', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Copperfield');
  await signInAs(page, 'school-dsl');
  await referFamily(page, familyName);
  await signOut(page);

  await signInAs(page, 'hub-triager', '/triage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Triage queue');
  const row = page.getByTestId('triage-queue').getByRole('row', { name: new RegExp(familyName) });
  await expect(row).toContainText(/Decision due by (the end of |\d{1,2}(:\d{2})?[ap]m )\w+day \d{1,2} \w+/);
  await checkScreen(page, testInfo, 'triage-queue');
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Referral for Alfie ${familyName}`);
  await checkScreen(page, testInfo, 'triage-referral');
  await page.getByRole('button', { name: 'Decide on this referral' }).click();

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Select the outcome' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter the reasons for the decision' })).toBeVisible();
  await checkScreen(page, testInfo, 'triage-decision-errors');
  await page.getByLabel('Accepted for early help').check();
  await page.getByRole('group', { name: 'Level of need' }).getByLabel('Complex needs (Team Around the Family)').check();
  await page.getByLabel('Reasons').fill('Needs across school and home: a Team Around the Family.');
  await page.getByLabel('Allocated team (optional)').selectOption({ label: 'Family Support Workers' });
  await page
    .getByLabel('Allocated worker (optional)')
    .selectOption({ label: 'Tamsin Quillfeather, Early help practitioner' });
  await checkScreen(page, testInfo, 'triage-decision');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the decision before recording it');
  await checkScreen(page, testInfo, 'triage-check-decision');
  await page.getByRole('button', { name: 'Record the decision' }).click();

  await expect(page.getByText('Decision recorded. The referrer has been told the outcome.')).toBeVisible();
  await expect(page.getByTestId('decision')).toContainText('Accepted for early help');
  await expect(page.getByTestId('decision')).toContainText('Tamsin Quillfeather');
  await checkScreen(page, testInfo, 'triage-decided');
  await signOut(page);

  // The referrer sees the outcome, not the triage team's reasons.
  await signInAs(page, 'school-dsl', '/referrals?status=decided');
  const sent = page.getByTestId('sent-referrals').getByRole('row', { name: new RegExp(familyName) });
  await expect(sent).toContainText('Accepted for early help (Complex needs (Team Around the Family))');
  await sent.getByRole('link').click();
  await expect(page.getByTestId('decision')).toContainText('Accepted for early help');
  await expect(page.getByTestId('decision')).not.toContainText('Needs across school and home');
  await checkScreen(page, testInfo, 'referral-outcome-as-referrer');
});
