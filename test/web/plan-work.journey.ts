import { expect, test } from '@playwright/test';
import { inventedFamilyName } from './support/families.js';
import { addToTeam, daysFromNow, fillDate, openPlanAsLead, planSection } from './support/plan-pages.js';
import { checkScreen } from './support/screens.js';
import { signInAs, signOut } from './support/sign-in.js';

test('the lead agrees outcomes and actions, records the assessment and a review, and prints the plan; the school updates its own action and leaves', async ({
  page,
}, testInfo) => {
  const planPath = await openPlanAsLead(page, inventedFamilyName('Larkspur'));
  await addToTeam(page, planPath, 'Priya Lanternby', 'Oakfield Primary School');
  await addToTeam(page, planPath, 'Nia Marchbank', 'Demo Health Visiting Service', 'Health visitor');

  // Outcomes: every rule of the form in plain English, then the outcome, then reworded.
  await planSection(page, 'Outcomes and actions');
  await page.getByRole('button', { name: 'Add an outcome' }).click();
  await page.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByRole('link', { name: 'Select the headline outcome this is about' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: "Enter the outcome, in the family's words where you can" }),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'outcome-errors');
  await page.getByLabel('What the family wants to be different').fill('Alfie is in school most days');
  await page.getByLabel('Headline outcome').selectOption({ label: 'Getting a good education' });
  await page.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByText('Outcome added.')).toBeVisible();
  await page.getByRole('link', { name: 'Change the outcome Alfie is in school most days' }).click();
  await page.getByLabel('What the family wants to be different').fill('Alfie is in school every day');
  await page.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByRole('heading', { name: 'Alfie is in school every day' })).toBeVisible();

  // Actions for two agencies; the form's rules first.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByRole('button', { name: 'Add the action' }).click();
  for (const message of [
    'Select the outcome this action works towards',
    'Enter what will be done',
    'Select the agency that will do it',
    'Enter the date it is due',
  ]) {
    await expect(page.getByRole('link', { name: message })).toBeVisible();
  }
  await fillDate(page, 'When is it due?', daysFromNow(-3));
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('link', { name: 'The due date must be today or in the future' })).toBeVisible();
  await checkScreen(page, testInfo, 'action-errors');
  await addAction(page, 'Breakfast club place from Monday', 'Oakfield Primary School', 14);
  await page.getByRole('button', { name: 'Add an action' }).click();
  await addAction(page, 'Home visit about sleep routines', 'Demo Health Visiting Service', 21);
  await expect(page.getByTestId('actions')).toContainText('Home visit about sleep routines');
  await checkScreen(page, testInfo, 'outcomes-as-lead');

  // The assessment, shared with the school only.
  await planSection(page, 'Assessment');
  await page.getByRole('button', { name: 'Record the assessment' }).click();
  await page.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(page.getByRole('link', { name: "Enter the strengths for the child's development" })).toBeVisible();
  await expect(page.getByRole('link', { name: "Enter the family's own view" })).toBeVisible();
  await checkScreen(page, testInfo, 'assessment-errors');
  for (const [domain, strengths, needs] of [
    ["The child's development", 'Alfie reads well and loves football', 'Misses school most Mondays'],
    ['Parents and carers', 'Jo is warm and wants help', 'Mornings are chaotic'],
    ['Family and environment', 'Grandparents nearby', 'Damp flat, rent arrears'],
  ] as const) {
    const group = page.getByRole('group', { name: domain });
    await group.getByLabel('Strengths').fill(strengths);
    await group.getByLabel('Needs').fill(needs);
  }
  await page.getByRole('group', { name: "The child's development" }).getByLabel('Getting a good education').check();
  await page.getByLabel("The family's own view").fill('Jo wants the mornings to be calmer.');
  await page.getByLabel("The child's voice").fill('"I like school when I get there."');
  await page
    .getByRole('group', { name: 'Which agencies in the team may read it?' })
    .getByLabel('Oakfield Primary School')
    .check();
  await checkScreen(page, testInfo, 'assessment-form');
  await page.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(page.getByText('Assessment recorded and shared with Oakfield Primary School.')).toBeVisible();
  await checkScreen(page, testInfo, 'assessment-as-lead');

  // A review straight after the meeting; the next one is set on a working day and said in words.
  await planSection(page, 'Reviews');
  await expect(page.getByTestId('review-schedule')).toContainText('Next review:');
  await checkScreen(page, testInfo, 'reviews-schedule');
  await page.getByRole('button', { name: 'Record a review' }).click();
  await page.getByRole('button', { name: 'Record the review' }).click();
  for (const message of [
    'Enter the date of the review',
    'Select who was at the review, or enter them under anyone else',
    'Select the progress towards "Alfie is in school every day"',
    'Enter what was decided at the review',
  ]) {
    await expect(page.getByRole('link', { name: message })).toBeVisible();
  }
  await checkScreen(page, testInfo, 'review-errors');
  await fillDate(page, 'When was the review?', new Date());
  await page.getByLabel('Tamsin Quillfeather, lead professional').check();
  await page.getByLabel('Priya Lanternby, Designated safeguarding lead, Oakfield Primary School').check();
  await page.getByLabel('Anyone else who was there').fill('Jo Larkspur, mother');
  await page
    .getByRole('group', { name: 'Progress towards: Alfie is in school every day' })
    .getByLabel('Some progress')
    .check();
  await page.getByLabel('What has changed (optional)').fill('In school four days of five.');
  await page.getByLabel('What was decided').fill('Keep the breakfast club; review Mondays again next time.');
  await page.getByRole('button', { name: 'Record the review' }).click();
  await expect(
    page.getByText(
      /Review recorded\. The next review is on (Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ \d{4}\./,
    ),
  ).toBeVisible();
  await expect(page.getByTestId('review-schedule')).toContainText('Last review');
  await checkScreen(page, testInfo, 'reviews-after');

  // The plan on paper: no navigation, a plain link.
  await page.getByRole('link', { name: 'Print the plan' }).click();
  await expect(page.getByTestId('print-header')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.getByText('Breakfast club place from Monday')).toBeVisible();
  await checkScreen(page, testInfo, 'plan-print');
  await page.goto(planPath);
  await signOut(page);

  // The school sees only its own action, updates it, reads the assessment shared with it, then leaves.
  await signInAs(page, 'school-dsl', `${planPath}/outcomes`);
  await expect(page.getByTestId('own-actions-only')).toBeVisible();
  await expect(page.getByTestId('actions')).toContainText('Breakfast club place from Monday');
  await expect(page.getByText('Home visit about sleep routines')).toHaveCount(0);
  await checkScreen(page, testInfo, 'outcomes-as-member');
  await page.getByRole('link', { name: 'Update Breakfast club place from Monday' }).click();
  await page.getByRole('button', { name: 'Save the update' }).click();
  await expect(page.getByRole('link', { name: 'Change the status or the due date, or go back' })).toBeVisible();
  await checkScreen(page, testInfo, 'action-update-errors');
  await page.getByLabel('In progress').check();
  await page.getByLabel('What has happened (optional)').fill('Alfie started on Monday.');
  await page.getByRole('button', { name: 'Save the update' }).click();
  await expect(page.getByText('"Breakfast club place from Monday" is now in progress')).toBeVisible();
  await page.getByRole('link', { name: 'Update Breakfast club place from Monday' }).click();
  await page.getByLabel('Done', { exact: true }).check();
  await page.getByRole('button', { name: 'Save the update' }).click();
  await expect(page.getByText('"Breakfast club place from Monday" is done')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Update Breakfast club place from Monday' })).toHaveCount(0);

  await planSection(page, 'Assessment');
  await expect(page.getByText('Alfie reads well and loves football')).toBeVisible();
  await checkScreen(page, testInfo, 'assessment-as-member');

  await planSection(page, 'Team');
  await page.getByRole('link', { name: 'Leave the plan Oakfield Primary School' }).click();
  await expect(page.getByTestId('interruption')).toContainText(
    'Nobody at Oakfield Primary School can see this plan after this',
  );
  await page.getByRole('button', { name: 'Leave the plan' }).click();
  await expect(page.getByRole('link', { name: 'Enter why your agency is leaving the plan' })).toBeVisible();
  await checkScreen(page, testInfo, 'leave-errors');
  await page
    .getByLabel('Why is your agency leaving?')
    .fill('Attendance has recovered; school support carries on as usual.');
  await page.getByRole('button', { name: 'Leave the plan' }).click();
  await expect(
    page.getByText('Oakfield Primary School has left the plan. The lead professional has been told.'),
  ).toBeVisible();

  // The old link now leads to "not found", not an error.
  const response = await page.goto(planPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkScreen(page, testInfo, 'plan-after-leaving');
  await signOut(page);

  // Health visiting was not given the assessment: it sees that there is one, not what it says.
  await signInAs(page, 'health-visitor', `${planPath}/assessment`);
  await expect(page.getByTestId('assessment-not-shared')).toBeVisible();
  await expect(page.getByText('Alfie reads well and loves football')).toHaveCount(0);
  await checkScreen(page, testInfo, 'assessment-not-shared');
  await signOut(page);

  // The family's needs are met: the lead closes the plan with that reason, after check and confirm.
  await signInAs(page, 'hub-triager', planPath);
  await page.getByRole('link', { name: 'Close the plan' }).click();
  await page.getByLabel("The family's needs have been met").check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check and confirm' })).toBeVisible();
  await checkScreen(page, testInfo, 'close-check');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await expect(page.getByText('The plan is closed. The team has been told.')).toBeVisible();
  await expect(page.getByTestId('plan-state')).toContainText("the family's needs have been met");
  await planSection(page, 'Outcomes and actions');
  await expect(page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Update/ })).toHaveCount(0);
  await checkScreen(page, testInfo, 'outcomes-after-closing');
});

test('the lead removes an agency, records the withdrawn agreement, meets a stale plan and steps the family up', async ({
  page,
}, testInfo) => {
  const planPath = await openPlanAsLead(page, inventedFamilyName('Brambleford'));
  await addToTeam(page, planPath, 'Nia Marchbank', 'Demo Health Visiting Service', 'Health visitor');
  await signOut(page);
  await signInAs(page, 'health-visitor', planPath);
  await expect(page.getByTestId('lead-professional')).toContainText('Tamsin Quillfeather');
  await signOut(page);

  await signInAs(page, 'hub-triager', `${planPath}/team`);
  await page.getByRole('link', { name: 'Remove Demo Health Visiting Service' }).click();
  await checkScreen(page, testInfo, 'remove-member');
  await page.getByLabel('Why is the agency leaving?').fill('The family has moved out of the health visiting area.');
  await page.getByRole('button', { name: 'Remove from the team' }).click();
  await expect(page.getByText('Demo Health Visiting Service has been removed from the team')).toBeVisible();

  // The family withdraws its agreement: interruption, its rules, check and confirm.
  await page.goto(planPath);
  await page.getByRole('link', { name: 'The family has withdrawn its agreement' }).click();
  await expect(page.getByTestId('interruption')).toContainText(
    'no new information about the family is shared with the team',
  );
  await checkScreen(page, testInfo, 'withdraw-interruption');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByRole('link', { name: 'Enter what the family said when it withdrew its agreement' }),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'withdraw-errors');
  await page.getByLabel('What did the family say?').fill('Jo no longer wants agencies to talk to each other.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check and confirm' })).toBeVisible();
  await checkScreen(page, testInfo, 'withdraw-check');
  await page.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(page.getByText('The withdrawal is recorded. The team has been told to stop sharing.')).toBeVisible();
  await expect(page.getByTestId('plan-state')).toContainText('The family withdrew its agreement');
  await checkScreen(page, testInfo, 'plan-agreement-withdrawn');

  // Closing needs a reason, and "another reason" needs its words.
  await page.getByRole('link', { name: 'Close the plan' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Select why the plan is closing' })).toBeVisible();
  await page.getByLabel('Another reason').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Enter why the plan is closing' })).toBeVisible();
  await checkScreen(page, testInfo, 'close-errors');
  await page.getByRole('link', { name: 'Cancel, keep the plan as it is' }).click();

  // Step down is ready to confirm when someone else steps the family up: the stale plan is a 412, not a change.
  await page.getByRole('link', { name: 'Step down to universal services' }).click();
  await page.getByLabel('Why?').fill('Needs are met by school and health visiting as usual.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Step down and close the plan' })).toBeVisible();
  await checkScreen(page, testInfo, 'step-down-check');

  const other = await page.context().newPage();
  await other.goto(planPath);
  await other.getByRole('link', { name: "Step up to children's social care" }).click();
  await expect(other.getByTestId('interruption')).toContainText(
    "Demo Children's Social Care is told at once, as urgent",
  );
  await checkScreen(other, testInfo, 'step-up-interruption');
  await other.getByLabel('Why?').fill('Disclosure at school of harm at home: risk of significant harm.');
  await other.getByRole('button', { name: 'Continue' }).click();
  await other.getByRole('button', { name: "Step up to children's social care" }).click();
  await expect(other.getByText("Stepped up to Demo Children's Social Care.")).toBeVisible();
  await expect(other.getByTestId('plan-state')).toContainText("stepped up to children's social care");
  await checkScreen(other, testInfo, 'plan-stepped-up');
  await other.close();

  await page.getByRole('button', { name: 'Step down and close the plan' }).click();
  await expect(page.getByRole('heading', { name: 'Someone else changed this' })).toBeVisible();
  await checkScreen(page, testInfo, 'step-down-stale');
  await page.getByRole('link', { name: 'See the latest version' }).click();
  await expect(page.getByTestId('plan-state')).toContainText("stepped up to children's social care");
  await expect(page.getByTestId('closures')).toHaveCount(0);
  await signOut(page);

  // The removed agency follows its old link: "not found", not an error.
  await signInAs(page, 'health-visitor', planPath);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkScreen(page, testInfo, 'plan-after-removal');
});

async function addAction(page: import('@playwright/test').Page, what: string, agency: string, dueInDays: number) {
  await page.getByLabel('Which outcome does it work towards?').selectOption({ label: 'Alfie is in school every day' });
  await page.getByLabel('What will be done').fill(what);
  await page.getByLabel('Which agency will do it?').selectOption({ label: agency });
  await fillDate(page, 'When is it due?', daysFromNow(dueInDays));
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByText(`Action added for ${agency}. They have been told.`)).toBeVisible();
}
