import { expect, type Page } from '@playwright/test';

/** Signs in on the development provider's own page, as a person would: choose who you are, press Sign in. */
export async function signInAs(page: Page, personId: string, startAt = '/'): Promise<void> {
  await page.goto(startAt);
  await expect(page).toHaveURL(new RegExp(`^${process.env.BATON_ISSUER_URL}/`));
  await page.locator(`input[name="person"][value="${personId}"]`).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.BATON_WEB_URL}/`));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider asks whether to end its session too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
}
