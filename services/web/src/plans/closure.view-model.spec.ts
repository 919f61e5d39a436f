import { allowedClosures } from './plan-permissions.js';
import { checkClosurePage, closureWords, parseClosure } from './closure.view-model.js';
import { departurePage, parseDeparture } from './departure.view-model.js';
import { overviewPage, teamPage } from './plan.view-model.js';
import { inventedPlan, NOW } from './plan.fixture.js';

const CSC = "Demo Children's Social Care";

describe('the interruption before a plan is stepped up, stepped down, closed or its agreement withdrawn', () => {
  it('says plainly who is told, and that the plan closes', () => {
    const words = closureWords('step-up', inventedPlan(), CSC);
    expect(words.heading).toBe("Step Alfie Larkspur up to children's social care?");
    expect(words.consequences).toEqual([
      "Demo Children's Social Care is told at once, as urgent, with your reason and the whole plan.",
      'Every agency in the team is told, as urgent: Oakfield Primary School, Demo Health Visiting Service.',
      'The plan closes. Nobody can add to it or change it after this.',
      'If a child is in immediate danger, call the police on 999 first.',
    ]);
    expect(closureWords('withdraw-agreement', inventedPlan(), CSC).consequences[1]).toBe(
      'Every agency in the team is told to stop sharing: Oakfield Primary School, Demo Health Visiting Service.',
    );
  });

  it('offers only what the plan allows now', () => {
    expect(allowedClosures(inventedPlan())).toEqual(['step-up', 'step-down', 'close', 'withdraw-agreement']);
    const withdrawn = inventedPlan({ agreement: { ...inventedPlan().agreement, status: 'withdrawn' } });
    expect(allowedClosures(withdrawn)).toEqual(['step-up', 'step-down', 'close']);
    expect(allowedClosures(inventedPlan({ status: 'closed' }))).toEqual([]);
    expect(overviewPage(inventedPlan(), '"4"', 'school-dsl', String).closures).toEqual([]);
  });

  it('asks each change for its reason in plain English', () => {
    const plan = inventedPlan();
    const errors = (kind: Parameters<typeof parseClosure>[0], form = {}) => {
      const parsed = parseClosure(kind, form, plan, NOW);
      return parsed.ok ? [] : parsed.errors.map((e) => e.text);
    };
    expect(errors('step-up')).toEqual([
      "Enter why the family is being stepped up, so children's social care knows the risk",
    ]);
    expect(errors('step-down')).toEqual(['Enter why the family no longer needs a Team Around the Family']);
    expect(errors('close')).toEqual(['Select why the plan is closing']);
    expect(errors('close', { reason: 'other' })).toEqual(['Enter why the plan is closing']);
    expect(errors('close', { reason: 'stepped-up' })).toEqual(['Select why the plan is closing']);
    expect(errors('withdraw-agreement')).toEqual([
      'Enter what the family said when it withdrew its agreement',
      'Enter the date the family withdrew its agreement',
    ]);
    expect(
      errors('withdraw-agreement', {
        reason: 'No more sharing',
        'withdrawnOn-day': '5',
        'withdrawnOn-month': '12',
        'withdrawnOn-year': '2026',
      }),
    ).toEqual(['The date the family withdrew its agreement must be today or in the past']);
  });

  it('records a withdrawal heard today as now, not a time still to come', () => {
    const parsed = parseClosure(
      'withdraw-agreement',
      { reason: 'No more sharing', 'withdrawnOn-day': '4', 'withdrawnOn-month': '12', 'withdrawnOn-year': '2026' },
      inventedPlan(),
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { kind: 'withdraw-agreement', reason: 'No more sharing', withdrawnAt: NOW.toISOString() },
    });
  });

  it('checks the change in the words given, with a way back to change it', () => {
    const page = checkClosurePage({ kind: 'close', reason: 'needs-met' }, inventedPlan(), 'hub-triager', CSC);
    expect(page.rows.map((r) => [r.key.text, r.value.text])).toEqual([
      ['What you are doing', 'Close the plan'],
      ['Reason', "the family's needs have been met"],
    ]);
    expect(page.rows[1]!.actions.items[0]!.href).toBe('/plans/6f1d2c8e-6a55-4d0b-9a43-0d6c9f6d1a01/close');
    expect(page.confirm).toBe('Close the plan');
  });
});

describe('leaving the plan', () => {
  const school = 'a0000000-0000-4000-8000-000000000002';

  it("lets a member leave and the lead remove, but never the lead's own agency", () => {
    const forSchool = teamPage(inventedPlan({ relationship: 'member' }), {
      personId: 'school-dsl',
      agencyId: 'demo-oakfield-primary',
    });
    expect(forSchool.members.map((m) => m.departure?.text)).toEqual([undefined, 'Leave the plan', undefined]);
    const forLead = teamPage(inventedPlan(), { personId: 'hub-triager', agencyId: 'demo-early-help-hub' });
    expect(forLead.members.map((m) => m.departure?.text)).toEqual([undefined, 'Remove', 'Remove']);
  });

  it('says what leaving means, and that open actions must be finished first', () => {
    const page = departurePage(inventedPlan(), 'school-dsl', school, true, {});
    expect(page.consequences).toEqual([
      'Tamsin Quillfeather, the lead professional, is told that Oakfield Primary School has left.',
      'Nobody at Oakfield Primary School can see this plan after this, including you.',
    ]);
    expect(page.openActions).toBe('Oakfield Primary School still has 1 open action. Complete or cancel it first.');
    expect(parseDeparture({ reason: 'Attendance is back' }, inventedPlan(), school, true)).toEqual({
      ok: false,
      errors: [
        { field: 'reason', text: 'Oakfield Primary School still has 1 open action: complete or cancel it first' },
      ],
    });
    const done = inventedPlan({ actions: [{ ...inventedPlan().actions[0]!, status: 'done' }] });
    expect(parseDeparture({}, done, school, true)).toEqual({
      ok: false,
      errors: [{ field: 'reason', text: 'Enter why your agency is leaving the plan' }],
    });
    expect(parseDeparture({ reason: ' Attendance is back ' }, done, school, true)).toEqual({
      ok: true,
      value: 'Attendance is back',
    });
  });
});
