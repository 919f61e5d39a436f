import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { daysAgo, expectHeading, fillDate, fillOrderForm, monthsAfter } from './support/order-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';

/** The YOT's row of the consistency table, as numbers by column heading. */
async function yotFigures(page: Page): Promise<Record<string, string>> {
  const table = page.getByTestId('consistency-table');
  const headings = await table.locator('thead th').allTextContents();
  const cells = await table
    .getByRole('row', { name: /Demo Youth Offending Team/ })
    .locator('th, td')
    .allTextContents();
  return Object.fromEntries(headings.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
}

test('an officer records an order, a missed session, contact and a prosecution referral; a manager approves it', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Ravensworth');
  const madeOn = daysAgo(20);
  const sessionOn = daysAgo(13);

  await signInAs(page, 'yot-officer', '/orders');
  await expectHeading(page, 'Orders I hold');
  await checkScreen(page, testInfo, 'officer-orders');
  await page.getByRole('button', { name: 'Record a parenting order' }).click();
  await expectHeading(page, 'Record a parenting order');

  // A requirement of 13 months is refused, with the limit and the last allowed day on the field.
  await fillOrderForm(page, { child: 'Alfie', parent: 'Jo', familyName }, madeOn, monthsAfter(madeOn, 13));
  await checkScreen(page, testInfo, 'officer-new-order');
  await page.getByRole('button', { name: 'Record the order' }).click();
  const limit =
    /The date the other requirement ends must be on or before \d{1,2} \w+ \d{4}: the requirements of a parenting order can last at most 12 months from the day it was made/;
  await expect(page.locator('.govuk-error-summary')).toContainText(limit);
  await expect(page.locator('#otherEndsOn-error')).toContainText(limit);
  await checkScreen(page, testInfo, 'officer-new-order-refused');

  await fillDate(page, 'Requirement ends', monthsAfter(madeOn, 11));
  await page.getByRole('button', { name: 'Record the order' }).click();
  await expectHeading(page, `Parenting order for Alfie ${familyName}`);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Order recorded');
  await expect(page.getByTestId('order-summary')).toContainText('Anti-social Behaviour Act 2003, section 26');
  await expect(page.getByTestId('order-summary')).toContainText('To the Crown Court');
  const orderUrl = page.url();

  // A programme session, then the mother missed it without a reasonable excuse.
  await page.getByRole('button', { name: 'Schedule a programme session' }).click();
  await fillDate(page, 'Date of the session', sessionOn);
  await page.getByLabel('Starts at').fill('5pm');
  await page.getByLabel('Ends at').fill('7pm');
  await checkScreen(page, testInfo, 'officer-session');
  await page.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Session scheduled');
  await expect(page.getByTestId('sessions')).toContainText('5pm to 7pm');

  await page.getByRole('button', { name: 'Record compliance' }).click();
  await page.getByLabel(/Parenting programme \(counselling or guidance\)/).check();
  await page.getByLabel('Programme session').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Record compliance' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what happened');
  await checkScreen(page, testInfo, 'officer-compliance-errors');
  await fillDate(page, 'Date it happened', sessionOn);
  await page.getByLabel('Missed, without a reasonable excuse').check();
  await page.getByRole('button', { name: 'Record compliance' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Missed session recorded.');
  const enforcement = page.getByTestId('enforcement-case');
  // Entered long after the breach, the contact is overdue at once.
  await expect(enforcement).toContainText('Contact overdue');
  await expect(enforcement).toContainText('Recorded late');
  await expect(page.getByTestId('compliance')).toContainText('Missed, without a reasonable excuse');
  await checkScreen(page, testInfo, 'officer-order-breach');

  await enforcement.getByRole('link', { name: /^Record contact/ }).click();
  await expectHeading(page, 'Record contact with the parent');
  await fillDate(page, 'Date of the contact', new Date());
  await page.getByLabel('Time of the contact').fill('00:05');
  await page.getByLabel('Phone').check();
  await page.getByLabel('What was said (optional)').fill('Invented: mother says she forgot');
  await checkScreen(page, testInfo, 'officer-contact');
  await page.getByRole('button', { name: 'Record the contact' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contact with the parent recorded');

  await page
    .getByTestId('enforcement-case')
    .getByRole('link', { name: /^Decide/ })
    .click();
  await page.getByLabel('Referral for prosecution').check();
  await page.getByLabel('Reasons').fill('Invented: third missed session after two warnings');
  await checkScreen(page, testInfo, 'officer-decision');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Referral for prosecution recorded.');
  await expect(page.getByTestId('enforcement-case')).toContainText("Awaiting a manager's approval");
  // The officer is never offered the approval; sent there anyway, the service's refusal is shown.
  await expect(page.getByRole('link', { name: /^Approve or reject/ })).toHaveCount(0);
  const caseId = (await page.getByTestId('enforcement-case').getAttribute('id'))!.replace('case-', '');
  await page.goto(`${orderUrl}/enforcement/${caseId}/approval`);
  await page.getByLabel('Approve: refer for prosecution').check();
  await page.getByLabel('Reasons').fill('Trying to approve my own referral');
  await page.getByRole('button', { name: 'Record your approval' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkScreen(page, testInfo, 'officer-approval-refused');
  await page.goto(orderUrl);
  await expect(page.getByTestId('enforcement-case')).toContainText("Awaiting a manager's approval");
  await checkScreen(page, testInfo, 'officer-order-referred');
  await page.goto('/orders');
  await expect(page.getByTestId('held-orders').getByRole('row', { name: new RegExp(familyName) })).toBeVisible();
  await signOut(page);

  // The manager: the dashboard's count opens the list, the consistency report before and after approving.
  await signInAs(page, 'yot-manager', '/manager/consistency');
  await expectHeading(page, 'Enforcement consistency');
  const before = await yotFigures(page);
  await expect(page.getByTestId('shares-chart').getByRole('img')).toHaveAttribute(
    'alt',
    /Demo Youth Offending Team: written warning/,
  );
  await page.goto('/manager');
  await expect(page.getByTestId('count-prosecution-awaiting-approval')).not.toHaveText('0');
  await checkScreen(page, testInfo, 'manager-dashboard');
  await page.getByRole('link', { name: /prosecution referral awaiting approval/ }).click();
  await expectHeading(page, 'Parenting exceptions: Prosecution referral awaiting approval');
  await checkScreen(page, testInfo, 'manager-exceptions');
  const download = page.waitForEvent('download');
  await page.getByTestId('exceptions-csv').click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'kind,orderId,familyId,enforcementId,holdingAgencyId,responsibleOfficerPersonId,since,detail',
  );
  expect(csv).toContain(caseId);

  await page.goto(orderUrl);
  await page.getByRole('link', { name: /^Approve or reject/ }).click();
  await expectHeading(page, 'Approve or reject the prosecution referral');
  await expect(page.getByText('Invented: third missed session after two warnings')).toBeVisible();
  await page.getByRole('button', { name: 'Record your approval' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select approve or reject');
  await page.getByLabel('Approve: refer for prosecution').check();
  await page.getByLabel('Reasons').fill('Invented: the breaches are well evidenced');
  await checkScreen(page, testInfo, 'manager-approval');
  await page.getByRole('button', { name: 'Record your approval' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Prosecution referral approved');
  await expect(page.getByTestId('enforcement-case')).toContainText('Closed');
  await expect(page.getByTestId('timeline')).toContainText('Prosecution referral approved');

  await page.goto('/manager/consistency');
  const after = await yotFigures(page);
  expect(Number(after.Decided)).toBe(Number(before.Decided) + 1);
  expect(Number(after['Awaiting approval'])).toBe(Number(before['Awaiting approval']) - 1);
  await checkScreen(page, testInfo, 'manager-consistency');
  await page.goto(orderUrl);
  const familyId = (await page
    .getByTestId('order-summary')
    .locator('.govuk-summary-list__row', { hasText: 'Family reference' })
    .locator('dd')
    .textContent())!.trim();
  await signOut(page);

  // The auditor: Annex A list 3 as a spreadsheet, and the family's access log showing those reads.
  await signInAs(page, 'audit-officer', '/audit');
  await expectHeading(page, 'Audit');
  await checkScreen(page, testInfo, 'auditor-start');
  const annex = page.waitForEvent('download');
  await page.getByTestId('annex-a-3').click();
  const list3 = await readFile((await (await annex).path())!, 'utf8');
  expect(list3.split('\r\n')[0]).toContain('Number of Referrals in Last 12 Months');
  await page.getByLabel('Family reference').fill(familyId);
  await page.getByRole('button', { name: 'Show the access log' }).click();
  await expectHeading(page, 'Who accessed this family’s records');
  const accesses = page.getByTestId('accesses');
  // The reads reach the ledger through the event stream: the page shows them once they are in.
  await expect(async () => {
    await page.reload();
    await expect(accesses).toContainText('Grace Fernhollow, Demo Youth Offending Team', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(accesses).toContainText('Owen Thistlecombe, Demo Youth Offending Team');
  await expect(accesses).toContainText('responsible officer holding the order');
  await checkScreen(page, testInfo, 'auditor-accesses');
  await page.goto('/audit/ledger');
  await expect(page.getByTestId('verification-result')).toContainText('The ledger verifies');
  await checkScreen(page, testInfo, 'auditor-ledger');
});

test('an officer takes a parenting contract from draft to offer, signature, a breach, a review and an early end', async ({
  page,
}, testInfo) => {
  const familyName = inventedFamilyName('Hollowmere');
  await signInAs(page, 'yot-officer', '/orders');
  await page.getByRole('button', { name: 'Draft a parenting contract' }).click();
  await expectHeading(page, 'Draft a parenting contract');
  await page.getByRole('button', { name: 'Draft the contract' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the kind of contract');
  await checkScreen(page, testInfo, 'contract-draft-errors');
  await page
    .getByLabel('Anti-social Behaviour Act 2003, section 25: criminal conduct or anti-social behaviour')
    .check();
  await page.getByLabel('Criminal conduct', { exact: true }).check();
  await page.getByLabel("Child's first name").fill('Mia');
  await page.getByLabel("Child's last name").fill(familyName);
  await page.getByLabel("Parent's first name").fill('Sam');
  await page.getByLabel("Parent's last name").fill(familyName);
  await page.getByRole('button', { name: 'Draft the contract' }).click();
  await expectHeading(page, `Parenting contract for Mia ${familyName}`);
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contract drafted');
  await checkScreen(page, testInfo, 'contract-draft');

  // Every step happens today: none may be dated before the draft, nor in the future.
  const today = new Date();
  await page.getByRole('button', { name: 'Offer the contract' }).click();
  await fillDate(page, 'Date offered', today);
  await page.getByLabel('What the parent agrees to do').fill('Make sure Mia is home by 8pm\nAttend a parenting group');
  await page
    .getByLabel('The support your agency will give')
    .fill('A parenting group place\nA weekly call from the officer');
  await fillDate(page, 'The contract starts', today);
  await fillDate(page, 'The contract ends', monthsAfter(today, 6));
  await checkScreen(page, testInfo, 'contract-offer');
  await page.getByRole('button', { name: 'Record the offer' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contract offered to the parent');

  await page.getByRole('button', { name: 'Record the signatures' }).click();
  await fillDate(page, 'Date the parent signed', today);
  await fillDate(page, 'Date you signed for your agency', today);
  await page.getByRole('button', { name: 'Record the signatures' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contract signed');
  await expect(page.getByTestId('contract-summary')).toContainText('Signed: in force');

  await page.getByRole('button', { name: 'Record a breach' }).click();
  await fillDate(page, 'Date of the breach', today);
  await page.getByLabel('What the parent did not do').fill('Invented: did not attend the parenting group');
  await page.getByRole('group', { name: 'Does this breach end the contract?' }).getByLabel('No').check();
  await page.getByRole('button', { name: 'Record the breach' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Breach recorded');

  await page.getByRole('button', { name: 'Record a review' }).click();
  await fillDate(page, 'Date of the review', today);
  await page.getByLabel('Notes').fill('Invented: back on track');
  await page.getByLabel('A weekly call from the officer').check();
  await checkScreen(page, testInfo, 'contract-review');
  await page.getByRole('button', { name: 'Record the review' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Review recorded');
  await expect(page.getByTestId('support')).toContainText('A weekly call from the officer (taken up)');

  await page.getByRole('link', { name: /evidence bundle/ }).click();
  await expect(page.getByTestId('chronology')).toContainText('Breach recorded');
  await expect(page.getByTestId('chronology')).toContainText('Invented: did not attend the parenting group');
  await checkScreen(page, testInfo, 'contract-evidence');
  await page.getByRole('link', { name: 'Back to the contract' }).click();

  // Completed only once its period has run; before that, it ends early.
  await page.getByRole('button', { name: 'Record the contract completed' }).click();
  await fillDate(page, 'Date completed', today);
  await page.getByRole('button', { name: 'Record completion' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    /must be on or after \d{1,2} \w+ \d{4}, when the contract's period ends/,
  );
  await checkScreen(page, testInfo, 'contract-completion-refused');
  await page.getByRole('link', { name: 'Back to the contract' }).click();
  await page.getByRole('button', { name: 'End the contract early' }).click();
  await fillDate(page, 'Date it ended', today);
  await page.getByLabel('The needs were met').check();
  await page.getByRole('button', { name: 'End the contract' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contract ended early');
  await expect(page.getByTestId('contract-summary')).toContainText('The needs were met');
  await checkScreen(page, testInfo, 'contract-ended');
});
