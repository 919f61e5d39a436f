import { expect, type Page } from '@playwright/test';

/**
 * A school's referral through the question pages, every answer valid; returns the reference. `sharingAgreed`
 * false: the family agreed to the referral but not (yet) to information being shared.
 */
export async function referFamily(page: Page, familyName: string, { sharingAgreed = true } = {}): Promise<string> {
  await page.goto('/referrals/new');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First name').fill('Alfie');
  await page.getByLabel('Last name').fill(familyName);
  await page.getByLabel('Yes', { exact: true }).check();
  await page.locator('#dateOfBirth-day').fill('12');
  await page.locator('#dateOfBirth-month').fill('4');
  await page.locator('#dateOfBirth-year').fill('2016');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First name').fill('Jo');
  await page.getByLabel('Last name').fill(familyName);
  await page.getByLabel('Relationship to the children').fill('mother');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Getting a good education (attendance, exclusion)').check();
  await page.getByLabel('Tell us what you are worried about').fill('Attendance has fallen to 78% this term.');
  await page.getByLabel('Routine').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Complex needs (Team Around the Family)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Yes, the family agreed').check();
  await page
    .getByRole('group', { name: /agreed to information being shared/ })
    .getByLabel(sharingAgreed ? 'Yes' : 'No')
    .check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
  return (await page.getByTestId('referral-reference').textContent())!.trim();
}
