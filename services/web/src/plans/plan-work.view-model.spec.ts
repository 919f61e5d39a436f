import { mayUpdateAction } from './plan-permissions.js';
import { outcomesPage } from './plan.view-model.js';
import { inventedPlan, NOW } from './plan.fixture.js';
import {
  actionUpdatedMessage,
  outcomesWith,
  parseActionUpdate,
  parseNewAction,
  parseOutcome,
} from './plan-work.view-model.js';

const headlines = [{ code: 'education', label: 'Getting a good education' }];
const lead = { personId: 'hub-triager', agencyId: 'demo-early-help-hub' };
const school = { personId: 'school-dsl', agencyId: 'demo-oakfield-primary' };
const agencyName = (id: string) => ({ 'demo-oakfield-primary': 'Oakfield Primary School' })[id] ?? id;
const label = (code: string) => headlines.find((h) => h.code === code)?.label ?? code;

describe('outcomes', () => {
  it('asks for the headline outcome and the words, in plain English', () => {
    const parsed = parseOutcome({ headlineOutcome: 'not-a-headline', description: '  ' }, headlines);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { field: 'headlineOutcome', text: 'Select the headline outcome this is about' },
      { field: 'description', text: "Enter the outcome, in the family's words where you can" },
    ]);
  });

  it('refuses an outcome longer than taf keeps', () => {
    const parsed = parseOutcome({ headlineOutcome: 'education', description: 'x'.repeat(1001) }, headlines);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.text)).toEqual(['The outcome must be 1000 characters or fewer']);
  });

  it('sends the whole list: every outcome kept by its id, a new one added, a changed one reworded', () => {
    const plan = inventedPlan();
    const added = outcomesWith(plan, { headlineOutcome: 'education', description: 'Mornings are calm' });
    expect(added).toEqual([
      {
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        headlineOutcome: 'education',
        description: 'Alfie is in school every day',
      },
      { headlineOutcome: 'education', description: 'Mornings are calm' },
    ]);
    const changed = outcomesWith(plan, {
      outcomeId: 'b0000000-0000-4000-8000-000000000001',
      headlineOutcome: 'education',
      description: 'Alfie is in school on Mondays too',
    });
    expect(changed).toEqual([
      {
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        headlineOutcome: 'education',
        description: 'Alfie is in school on Mondays too',
      },
    ]);
  });
});

describe('a new action', () => {
  it('needs an outcome of the plan, what will be done, an agency in the team and a due date', () => {
    const parsed = parseNewAction({ outcomeId: 'someone-elses', ownerAgencyId: 'demo-police' }, inventedPlan(), NOW);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { field: 'outcomeId', text: 'Select the outcome this action works towards' },
      { field: 'description', text: 'Enter what will be done' },
      { field: 'ownerAgencyId', text: 'Select the agency that will do it' },
      { field: 'dueDate-day', text: 'Enter the date it is due' },
    ]);
  });

  it('refuses a due date that is not a real date, or already past', () => {
    const form = {
      outcomeId: 'b0000000-0000-4000-8000-000000000001',
      description: 'Home visit',
      ownerAgencyId: 'demo-health-visiting',
    };
    const unreal = parseNewAction(
      { ...form, 'dueDate-day': '31', 'dueDate-month': '2', 'dueDate-year': '2027' },
      inventedPlan(),
      NOW,
    );
    expect(unreal.ok ? [] : unreal.errors.map((e) => e.text)).toEqual([
      'The date it is due must be a real date, like 27 3 2027',
    ]);
    const past = parseNewAction(
      { ...form, 'dueDate-day': '3', 'dueDate-month': '12', 'dueDate-year': '2026' },
      inventedPlan(),
      NOW,
    );
    expect(past.ok ? [] : past.errors.map((e) => e.text)).toEqual(['The due date must be today or in the future']);
  });

  it('is due today at the earliest, and names its owner only when one is given', () => {
    const parsed = parseNewAction(
      {
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        description: ' Home visit ',
        ownerAgencyId: 'demo-health-visiting',
        'dueDate-day': '4',
        'dueDate-month': '12',
        'dueDate-year': '2026',
      },
      inventedPlan(),
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        outcomeId: 'b0000000-0000-4000-8000-000000000001',
        description: 'Home visit',
        ownerAgencyId: 'demo-health-visiting',
        dueDate: '2026-12-04',
      },
    });
  });
});

describe("an agency's update to its action", () => {
  const action = inventedPlan().actions[0]!;

  it('sends only what changed, with the note', () => {
    const parsed = parseActionUpdate(
      {
        status: 'in-progress',
        'dueDate-day': '18',
        'dueDate-month': '12',
        'dueDate-year': '2026',
        note: 'Started Monday',
      },
      action,
      NOW,
    );
    expect(parsed).toEqual({ ok: true, value: { status: 'in-progress', note: 'Started Monday' } });
  });

  it('asks for a change when nothing changed', () => {
    const parsed = parseActionUpdate(
      { status: 'not-started', 'dueDate-day': '18', 'dueDate-month': '12', 'dueDate-year': '2026' },
      action,
      NOW,
    );
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { field: 'status', text: 'Change the status or the due date, or go back' },
    ]);
  });

  it('says what happened in the words of the status chosen', () => {
    expect(actionUpdatedMessage(action, { status: 'done' })).toBe('"Breakfast club place from Monday" is done');
    expect(actionUpdatedMessage(action, { status: 'in-progress' })).toBe(
      '"Breakfast club place from Monday" is now in progress',
    );
    expect(actionUpdatedMessage(action, { dueDate: '2027-01-08' })).toBe(
      '"Breakfast club place from Monday" is now due 8 January 2027',
    );
  });
});

describe('who may change what', () => {
  it('lets the lead update any open action and a member only its own', () => {
    const plan = inventedPlan();
    const action = plan.actions[0]!;
    expect(mayUpdateAction(plan, action, lead)).toBe(true);
    expect(mayUpdateAction(plan, action, school)).toBe(true);
    expect(mayUpdateAction(plan, action, { personId: 'health-visitor', agencyId: 'demo-health-visiting' })).toBe(false);
  });

  it('leaves done actions, closed plans and withdrawn agreements as they are', () => {
    const plan = inventedPlan();
    expect(mayUpdateAction(plan, { ...plan.actions[0]!, status: 'done' }, lead)).toBe(false);
    expect(mayUpdateAction(inventedPlan({ status: 'closed' }), plan.actions[0]!, lead)).toBe(false);
    const withdrawn = inventedPlan({ agreement: { ...plan.agreement, status: 'withdrawn' } });
    expect(mayUpdateAction(withdrawn, plan.actions[0]!, school)).toBe(false);
  });

  it('shows a member agency only the update links for its own actions, and says it sees only its own', () => {
    const page = outcomesPage(inventedPlan({ relationship: 'member' }), school, agencyName, label);
    expect(page.seesOwnActionsOnly).toBe(true);
    expect(page.mayAddOutcome).toBe(false);
    expect(page.outcomes[0]!.editHref).toBeUndefined();
    expect(page.outcomes[0]!.headline).toBe('Getting a good education');
    expect(page.outcomes[0]!.actions[0]!.updateHref).toBe(
      '/plans/6f1d2c8e-6a55-4d0b-9a43-0d6c9f6d1a01/actions/c0000000-0000-4000-8000-000000000001',
    );
  });

  it('gives the lead the add and change links while the plan takes changes', () => {
    const page = outcomesPage(inventedPlan(), lead, agencyName, label);
    expect([page.mayAddOutcome, page.mayAddAction, page.seesOwnActionsOnly]).toEqual([true, true, false]);
    const closed = outcomesPage(inventedPlan({ status: 'closed' }), lead, agencyName, label);
    expect([closed.mayAddOutcome, closed.mayAddAction, closed.outcomes[0]!.actions[0]!.updateHref]).toEqual([
      false,
      false,
      undefined,
    ]);
  });
});
