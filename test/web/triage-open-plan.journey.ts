import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { referFamily } from './support/referral-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';
import { acceptForEarlyHelp } from './support/triage-pages.js';

test('the hub opens the plan itself once the family agrees, and is told when a second referral names a child in it', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Thornbury');
  await signInAs(page, 'school-dsl');
  // The family agreed to the referral, not yet to sharing: accepting it opens no plan.
  const first = await referFamily(page, familyName, { sharingAgreed: false });
  await signOut(page);

  await signInAs(page, 'hub-triager');
  await acceptForEarlyHelp(page, familyName);
  await expect(page).toHaveURL(new RegExp(`/referrals/${first}$`));
  await page.getByRole('button', { name: 'Open a plan now the family agrees' }).click();
  await page.getByRole('button', { name: 'Open the plan' }).click();
  await expect(page.getByRole('link', { name: 'Enter the date the family agreed' })).toBeVisible();
  await checkScreen(page, testInfo, 'open-plan-errors');
  const yesterday = new Date(Date.now() - 86_400_000);
  await page.getByLabel('Day').fill(String(yesterday.getUTCDate()));
  await page.getByLabel('Month').fill(String(yesterday.getUTCMonth() + 1));
  await page.getByLabel('Year').fill(String(yesterday.getUTCFullYear()));
  await page.getByLabel('How did they agree?').fill('In person at a home visit');
  await checkScreen(page, testInfo, 'open-plan');
  await page.getByRole('button', { name: 'Open the plan' }).click();

  // The family page is read from the agency views after the opening's own events: the plan and lead show at once.
  await expect(page.getByText('Plan opened. Tamsin Quillfeather is the lead professional.')).toBeVisible();
  await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
  await checkScreen(page, testInfo, 'family-after-open-plan');
  await page.getByRole('link', { name: "See the family's timeline" }).click();
  await expect(page.getByTestId('family-timeline')).toBeVisible();
  await checkScreen(page, testInfo, 'family-timeline');
  await signOut(page);

  // A second referral for the same child: the triager sees at once that the child is already in an open plan.
  await signInAs(page, 'school-dsl');
  const second = await referFamily(page, familyName);
  await signOut(page);
  await signInAs(page, 'hub-triager', `/referrals/${second}`);
  await expect(page.getByTestId('in-open-plan')).toContainText(
    `Alfie ${familyName}, born 12 April 2016 is already in an open Team Around the Family plan, led by Tamsin Quillfeather`,
  );
  await checkScreen(page, testInfo, 'referral-child-in-open-plan');
  await page.getByRole('button', { name: 'Decide on this referral' }).click();
  await expect(page.getByTestId('in-open-plan')).toBeVisible();
});
