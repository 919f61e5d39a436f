import { actionUpdateViolations, isActionOverdue, newActionViolations } from './action.rules.js';
import { closureViolations } from './closure.rules.js';
import { outcomesViolations } from './outcome.rules.js';
import { changeViolations, openPlanViolations } from './plan-state.rules.js';
import { reviewViolations } from './review.rules.js';

const TODAY = '2026-11-23';
const OUTCOME = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';

describe('closure reasons', () => {
  it.each(['needs-met', 'family-withdrew-agreement', 'moved-to-another-authority'] as const)(
    'closes for %s with or without a note',
    (reason) => {
      expect(closureViolations(reason, undefined)).toEqual([]);
    },
  );

  it('needs a text when the reason is other', () => {
    expect(closureViolations('other', '  ')[0]).toMatchObject({ field: 'reasonText', rule: 'requiredWhenReasonOther' });
    expect(closureViolations('other', 'family emigrated')).toEqual([]);
  });

  it('sends stepping up and down through their own actions, which tell the right people', () => {
    expect(closureViolations('stepped-up', undefined)[0]).toMatchObject({
      rule: 'useStepAction',
      message: expect.stringContaining('/step-up'),
    });
    expect(closureViolations('stepped-down', undefined)[0].message).toContain('/step-down');
  });
});

describe('what a plan allows', () => {
  it('takes no change once closed', () => {
    expect(openPlanViolations('closed')[0]).toMatchObject({ rule: 'isOpenPlan', kind: 'conflict' });
    expect(changeViolations('closed', 'agreed')[0].rule).toBe('isOpenPlan');
  });

  it('takes no new information once the family withdrew agreement', () => {
    expect(changeViolations('open', 'withdrawn')[0]).toMatchObject({
      rule: 'familyAgreementInForce',
      kind: 'conflict',
    });
    expect(changeViolations('open', 'agreed')).toEqual([]);
  });
});

describe('actions', () => {
  const action = { outcomeId: OUTCOME, ownerAgencyId: 'demo-oakfield-primary', dueDate: '2026-12-04' };

  it('belong to an outcome of the plan and a member agency, and are not due in the past', () => {
    expect(newActionViolations(action, [OUTCOME], ['demo-oakfield-primary'], TODAY)).toEqual([]);
    expect(
      newActionViolations(
        { ...action, outcomeId: 'other', dueDate: '2026-11-20' },
        [OUTCOME],
        ['demo-early-help-hub'],
        TODAY,
      ).map((v) => v.rule),
    ).toEqual(['isPlanOutcome', 'isMemberAgency', 'isNotPast']);
  });

  it('are updated by their own agency or the lead, never once done or cancelled', () => {
    const open = { ownerAgencyId: 'demo-oakfield-primary', status: 'in-progress' as const };
    expect(actionUpdateViolations({ agencyId: 'demo-oakfield-primary', isLead: false }, open)).toEqual([]);
    expect(actionUpdateViolations({ agencyId: 'demo-early-help-hub', isLead: true }, open)).toEqual([]);
    expect(actionUpdateViolations({ agencyId: 'demo-yot', isLead: false }, open)[0].rule).toBe('isOwnAction');
    expect(
      actionUpdateViolations({ agencyId: 'demo-oakfield-primary', isLead: false }, { ...open, status: 'done' })[0],
    ).toMatchObject({ rule: 'isNotFinal', kind: 'conflict' });
  });

  it('are overdue the day after their due date, unless done or cancelled', () => {
    expect(isActionOverdue({ dueDate: '2026-11-23', status: 'not-started' }, TODAY)).toBe(false);
    expect(isActionOverdue({ dueDate: '2026-11-22', status: 'in-progress' }, TODAY)).toBe(true);
    expect(isActionOverdue({ dueDate: '2026-11-22', status: 'done' }, TODAY)).toBe(false);
    expect(isActionOverdue({ dueDate: '2026-11-22', status: 'cancelled' }, TODAY)).toBe(false);
  });
});

describe('outcomes', () => {
  const headlines = ['education', 'housing'];

  it("use the tenant's headline outcomes", () => {
    expect(outcomesViolations([{ headlineOutcome: 'astrology' }], headlines, [], [])).toEqual([
      expect.objectContaining({ field: 'outcomes[0].headlineOutcome', rule: 'isHeadlineOutcome' }),
    ]);
  });

  it('keep outcomes that have actions, and name only outcomes of this plan', () => {
    expect(outcomesViolations([{ headlineOutcome: 'housing' }], headlines, [OUTCOME], [OUTCOME])).toEqual([
      expect.objectContaining({ rule: 'keepsOutcomesWithActions' }),
    ]);
    expect(outcomesViolations([{ outcomeId: 'nope', headlineOutcome: 'housing' }], headlines, [OUTCOME], [])).toEqual([
      expect.objectContaining({ field: 'outcomes[0].outcomeId', rule: 'isPlanOutcome' }),
    ]);
  });
});

describe('reviews', () => {
  const plan = { openedOn: '2026-11-02', today: TODAY, outcomeIds: [OUTCOME] };

  it('report progress on every agreed outcome, once', () => {
    expect(reviewViolations({ heldOn: TODAY, progress: [{ outcomeId: OUTCOME }] }, plan)).toEqual([]);
    expect(reviewViolations({ heldOn: TODAY, progress: [] }, plan)[0].rule).toBe('coversEveryOutcome');
    expect(
      reviewViolations({ heldOn: TODAY, progress: [{ outcomeId: OUTCOME }, { outcomeId: OUTCOME }] }, plan)[0],
    ).toMatchObject({ field: 'progress[1].outcomeId', rule: 'oncePerOutcome' });
  });

  it('are held between the plan opening and today', () => {
    const progress = [{ outcomeId: OUTCOME }];
    expect(reviewViolations({ heldOn: '2026-11-24', progress }, plan)[0].rule).toBe('isNotFuture');
    expect(reviewViolations({ heldOn: '2026-11-01', progress }, plan)[0].rule).toBe('isNotBeforePlanOpened');
  });
});
