import { expect, test, type Page } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { checkScreen } from './support/screens.js';
import { signInAs } from './support/sign-in.js';

test('a school refers a family on question pages, is told a future date of birth in plain English, and gets a reference', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Brightwater');
  await signInAs(page, 'school-dsl', '/referrals/new');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where does this referral come from?');
  // The school's own CIN source is chosen already: nobody types what Baton knows.
  await expect(page.getByLabel('A school', { exact: true })).toBeChecked();
  await checkScreen(page, testInfo, 'referral-1-source');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: "Enter the child's first name" })).toBeVisible();
  await checkScreen(page, testInfo, 'referral-2-child-errors');
  await page.getByLabel('First name').fill('Alfie');
  await page.getByLabel('Last name').fill(familyName);
  await page.getByLabel('Yes', { exact: true }).check();
  await fillDate(page, 'dateOfBirth', '12', '4', '2099');
  await checkScreen(page, testInfo, 'referral-2-child');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have added 1 child');
  await checkScreen(page, testInfo, 'referral-3-children');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('First name').fill('Jo');
  await page.getByLabel('Last name').fill(familyName);
  await page.getByLabel('Relationship to the children').fill('mother');
  await checkScreen(page, testInfo, 'referral-4-carer');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Getting a good education (attendance, exclusion)').check();
  await page.getByLabel('Tell us what you are worried about').fill('Attendance has fallen to 78% this term.');
  await page.getByLabel('Routine').check();
  await checkScreen(page, testInfo, 'referral-5-concerns');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Complex needs (Team Around the Family)').check();
  await checkScreen(page, testInfo, 'referral-6-level-of-need');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Yes, the family agreed').check();
  await page
    .getByRole('group', { name: /agreed to information being shared/ })
    .getByLabel('Yes')
    .check();
  await checkScreen(page, testInfo, 'referral-7-consent');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending the referral');
  await checkScreen(page, testInfo, 'referral-8-check-answers');
  await page.getByRole('button', { name: 'Send referral' }).click();

  // The referrals service refuses a date of birth in the future; the page says so in plain English.
  const problem = page.getByRole('link', { name: 'Date of birth must be today or in the past' });
  await expect(problem).toBeVisible();
  await checkScreen(page, testInfo, 'referral-8-check-answers-refused');
  await problem.click();
  await fillDate(page, 'dateOfBirth', '12', '4', '2016');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Back where it left off: the carer is kept, and so is everything after.
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending the referral');
  await expect(page.getByText('born 12 April 2016')).toBeVisible();
  await page.getByRole('button', { name: 'Send referral' }).click();

  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
  const reference = (await page.getByTestId('referral-reference').textContent())!.trim();
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  await checkScreen(page, testInfo, 'referral-9-confirmation');

  await page.getByRole('link', { name: 'Referrals we sent' }).click();
  const row = page.getByTestId('sent-referrals').getByRole('row', { name: new RegExp(familyName) });
  await expect(row).toContainText('Waiting for a decision');
  await checkScreen(page, testInfo, 'referrals-we-sent');
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Referral for Alfie ${familyName}`);
  await checkScreen(page, testInfo, 'referral-as-referrer');
});

async function fillDate(page: Page, prefix: string, day: string, month: string, year: string): Promise<void> {
  await page.locator(`#${prefix}-day`).fill(day);
  await page.locator(`#${prefix}-month`).fill(month);
  await page.locator(`#${prefix}-year`).fill(year);
}
