import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { referFamily } from './support/referral-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs } from './support/sign-in.js';
import { acceptForEarlyHelp } from './support/triage-pages.js';

test('the unread badge follows a new notification on an open page with JavaScript, and on the next page without', async ({
  page,
  browser,
}, testInfo) => {
  const familyName = inventedFamilyName('Wrenfield');
  await signInAs(page, 'school-dsl');
  await referFamily(page, familyName);
  await page.goto('/inbox/preferences');
  await checkScreen(page, testInfo, 'notification-preferences');
  await page.getByLabel('Once a day').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: you will get e-mails once a day.')).toBeVisible();
  await expect(page.getByLabel('Once a day')).toBeChecked();

  await page.goto('/my-work');
  const badge = page.getByTestId('unread-badge');
  const unread = async () =>
    Number(/\d+/.exec((await badge.count()) > 0 ? ((await badge.textContent()) ?? '') : '')?.[0] ?? 0);
  const before = await unread();

  // The hub decides the school's referral in its own browser; the school is told (notifications' reaction).
  const hub = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const hubPage = await hub.newPage();
  await signInAs(hubPage, 'hub-triager');
  await acceptForEarlyHelp(hubPage, familyName);
  await hub.close();

  if (testInfo.project.use.javaScriptEnabled !== false) {
    // No reload: the page's own stream brings the new count.
    await expect.poll(unread, { timeout: 30_000 }).toBeGreaterThan(before);
  } else {
    // Without JavaScript the count is read with each page: the person looks again.
    await expect(async () => {
      await page.reload();
      expect(await unread()).toBeGreaterThan(before);
    }).toPass({ timeout: 30_000 });
  }
  await checkScreen(page, testInfo, 'my-work-badge');
});
