import { expect, test } from '@playwright/test';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';

test('a practitioner signs in on the provider, sees who and which agency they are, and signs out of both', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'school-dsl', '/inbox');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId('signed-in-person')).toHaveText('Priya Lanternby, Oakfield Primary School');
  await checkScreen(page, testInfo, 'inbox');

  await page.getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement for Baton');
  await checkScreen(page, testInfo, 'accessibility-statement');

  await signOut(page);
  await checkScreen(page, testInfo, 'signed-out');
  // The provider's session ended too: going back in asks who you are again.
  await page.goto('/inbox');
  await expect(page.locator('input[name="person"]').first()).toBeVisible();
});
