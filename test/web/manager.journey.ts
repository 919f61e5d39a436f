import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { expectHeading, recordOrderWithMissedSession } from './support/order-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';

test('a manager finds an overdue contact from the dashboard, and cannot approve a prosecution they referred', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Marchwood');
  await signInAs(page, 'yot-officer', '/orders');
  const orderUrl = await recordOrderWithMissedSession(page, familyName);
  await signOut(page);

  await signInAs(page, 'yot-manager', '/manager');
  await expectHeading(page, 'Manager dashboard');
  await expect(page.getByTestId('count-no-contact-within-deadline')).not.toHaveText('0');
  await page.getByRole('link', { name: /no contact within a working day of the breach/ }).click();
  await expect(page).toHaveURL(/\/manager\/exceptions\?kind=no-contact-within-deadline$/);
  await expect(page.getByLabel('Kind of exception')).toHaveValue('no-contact-within-deadline');
  // This order's row (the list holds every order of the agency): no contact, and who holds it.
  const row = page.getByTestId('exceptions').locator(`tr:has(a[href^="${new URL(orderUrl).pathname}#"])`);
  await expect(row).toContainText('no contact recorded');
  await expect(row).toContainText('Owen Thistlecombe');
  await checkScreen(page, testInfo, 'manager-exceptions-no-contact');

  // The filter lives in the URL; every kind, then the download for it.
  await page.getByLabel('Kind of exception').selectOption({ label: 'Every kind' });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expectHeading(page, 'Parenting exceptions');
  await expect(page.getByTestId('exceptions-csv')).toHaveAttribute('href', '/manager/exceptions.csv');
  const download = page.waitForEvent('download');
  await page.getByTestId('exceptions-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('parenting-exceptions.csv');
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv).toContain('no-contact-within-deadline');

  // A manager of the holding agency may decide; their own referral is then not theirs to approve.
  await page.goto(orderUrl);
  await page
    .getByTestId('enforcement-case')
    .getByRole('link', { name: /^Decide/ })
    .click();
  await expect(page.getByText('You have not recorded contact with the parent yet.')).toBeVisible();
  await page.getByLabel('Referral for prosecution').check();
  await page.getByLabel('Reasons').fill('Invented: repeated breaches');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId('enforcement-case')).toContainText('(decided before contact with the parent)');
  await expect(page.getByRole('link', { name: /^Approve or reject/ })).toHaveCount(0);
  await checkScreen(page, testInfo, 'manager-order-own-referral');
  const caseId = (await page.getByTestId('enforcement-case').getAttribute('id'))!.replace('case-', '');
  await page.goto(`${orderUrl}/enforcement/${caseId}/approval`);
  await page.getByLabel('Approve: refer for prosecution').check();
  await page.getByLabel('Reasons').fill('Approving my own referral');
  await page.getByRole('button', { name: 'Record your approval' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'The person who referred for prosecution cannot also approve the referral',
  );
  await checkScreen(page, testInfo, 'manager-own-approval-refused');

  // Waiting times: two charts and the table of their figures, drawn on the server.
  await page.goto('/manager');
  await page.getByRole('link', { name: 'Waiting times from referral to decision and to a plan' }).click();
  await expectHeading(page, 'Waiting times');
  const table = page.getByTestId('waiting-times-table');
  await expect(table.getByRole('row')).toHaveCount(7);
  // Whether there is a chart follows the table: referrals decided in the months (other journeys') draw one.
  const decided = (await table.locator('tbody tr td:nth-of-type(2)').allTextContents()).reduce(
    (n, c) => n + Number(c),
    0,
  );
  const decisionChart = page.getByTestId('decision-chart');
  if (decided > 0) {
    await expect(decisionChart.getByRole('img')).toHaveAttribute('alt', /^Referral to decision, by month\./);
  } else {
    await expect(decisionChart).toContainText('No referral was decided in these months.');
  }
  await checkScreen(page, testInfo, 'manager-waiting-times');
});
