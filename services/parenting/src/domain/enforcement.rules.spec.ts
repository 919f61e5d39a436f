import { approvalViolations, decisionViolations, statusAfterDecision } from './enforcement.rules.js';

const rules = (v: { rule: string }[]) => v.map((x) => x.rule);

describe('enforcement decisions', () => {
  const officer = { personId: 'yot-officer', isResponsibleOfficer: true, isHoldingAgencyManager: false };

  it('lets the responsible officer decide a breach awaiting contact or decision', () => {
    expect(decisionViolations('awaiting-contact', officer)).toEqual([]);
    expect(decisionViolations('awaiting-decision', officer)).toEqual([]);
  });

  it('refuses a decision on a closed case or one awaiting approval', () => {
    expect(rules(decisionViolations('closed', officer))).toEqual(['enforcementAwaitingDecision']);
    expect(rules(decisionViolations('awaiting-approval', officer))).toEqual(['enforcementAwaitingDecision']);
  });

  it('refuses a decision from someone who is neither the officer nor a manager of the holding agency', () => {
    const other = { personId: 'x', isResponsibleOfficer: false, isHoldingAgencyManager: false };
    expect(rules(decisionViolations('awaiting-decision', other))).toEqual(['decidedByResponsibleOfficer']);
  });

  it('closes a case on no action or a written warning, and holds a prosecution referral for approval', () => {
    expect(statusAfterDecision('no-action')).toBe('closed');
    expect(statusAfterDecision('written-warning')).toBe('closed');
    expect(statusAfterDecision('prosecution-referral')).toBe('awaiting-approval');
  });
});

describe('the two-person rule for a prosecution referral', () => {
  it('accepts approval by a manager of the holding agency who did not decide', () => {
    expect(
      approvalViolations('awaiting-approval', 'yot-officer', { personId: 'yot-manager', isHoldingAgencyManager: true }),
    ).toEqual([]);
  });

  it('refuses approval by the person who decided, even when they are a manager', () => {
    const v = approvalViolations('awaiting-approval', 'yot-manager', {
      personId: 'yot-manager',
      isHoldingAgencyManager: true,
    });
    expect(rules(v)).toEqual(['twoPersonRule.approverIsNotDecider']);
  });

  it('refuses approval by someone who is not a manager of the holding agency', () => {
    const v = approvalViolations('awaiting-approval', 'yot-officer', {
      personId: 'other',
      isHoldingAgencyManager: false,
    });
    expect(rules(v)).toEqual(['twoPersonRule.approverIsManager']);
  });

  it('refuses approval when no referral awaits it', () => {
    const v = approvalViolations('closed', 'yot-officer', { personId: 'yot-manager', isHoldingAgencyManager: true });
    expect(rules(v)).toEqual(['prosecutionAwaitingApproval']);
  });
});
