import type { EnforcementDecision } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** Where an enforcement case (one apparent breach) stands. */
export type EnforcementStatus = 'awaiting-contact' | 'awaiting-decision' | 'awaiting-approval' | 'closed';

/** Practice (DOMAIN.md): contact the parent within 1 working day of an apparent breach. */
export const CONTACT_WITHIN_WORKING_DAYS = 1;

export interface DeciderFacts {
  personId: string;
  isResponsibleOfficer: boolean;
  isHoldingAgencyManager: boolean;
}

/** The officer decides once the parent has been contacted (or tried); managers of the holding agency may stand in. */
export function decisionViolations(status: EnforcementStatus, decider: DeciderFacts): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!decider.isResponsibleOfficer && !decider.isHoldingAgencyManager) {
    violations.push({
      field: 'decision',
      rule: 'decidedByResponsibleOfficer',
      message: 'only the responsible officer or a manager of the holding agency decides on a breach',
    });
  }
  if (status !== 'awaiting-decision' && status !== 'awaiting-contact') {
    violations.push({
      field: 'decision',
      rule: 'enforcementAwaitingDecision',
      message: `the case is ${status}: there is no decision to make`,
    });
  }
  return violations;
}

/** What a decision does at once: a prosecution referral waits for its second approver. */
export function statusAfterDecision(decision: EnforcementDecision): EnforcementStatus {
  return decision === 'prosecution-referral' ? 'awaiting-approval' : 'closed';
}

/**
 * The two-person rule: a prosecution referral takes effect only when approved by a manager of the
 * holding agency who is not the person who decided it. Checked on the person, not the role, so one
 * user holding both the officer's and the manager's role cannot approve their own referral.
 */
export function approvalViolations(
  status: EnforcementStatus,
  decidedByPersonId: string | null,
  approver: { personId: string; isHoldingAgencyManager: boolean },
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (status !== 'awaiting-approval') {
    violations.push({
      field: 'approve',
      rule: 'prosecutionAwaitingApproval',
      message: `the case is ${status}: there is no prosecution referral awaiting approval`,
    });
  }
  if (!approver.isHoldingAgencyManager) {
    violations.push({
      field: 'approve',
      rule: 'twoPersonRule.approverIsManager',
      message: 'a prosecution referral is approved by a manager of the holding agency',
    });
  }
  if (decidedByPersonId !== null && approver.personId === decidedByPersonId) {
    violations.push({
      field: 'approve',
      rule: 'twoPersonRule.approverIsNotDecider',
      message: 'the person who referred for prosecution cannot also approve the referral',
    });
  }
  return violations;
}
