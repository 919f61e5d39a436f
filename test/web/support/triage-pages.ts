import { expect, type Page } from '@playwright/test';

/** The hub's triager accepts the family for early help, allocating Tamsin Quillfeather as lead professional. */
export async function acceptForEarlyHelp(page: Page, familyName: string): Promise<void> {
  await page.goto('/triage');
  await page
    .getByTestId('triage-queue')
    .getByRole('row', { name: new RegExp(familyName) })
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: 'Decide on this referral' }).click();
  await page.getByLabel('Accepted for early help').check();
  await page.getByRole('group', { name: 'Level of need' }).getByLabel('Complex needs (Team Around the Family)').check();
  await page.getByLabel('Reasons').fill('Needs across school and home: a Team Around the Family.');
  await page
    .getByLabel('Allocated worker (optional)')
    .selectOption({ label: 'Tamsin Quillfeather, Early help practitioner' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('Decision recorded.')).toBeVisible();
}
