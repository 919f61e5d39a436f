import type { PlanAgreementStatus, PlanStatus } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** Nothing changes on a closed plan. */
export function openPlanViolations(status: PlanStatus): RuleViolation[] {
  return status === 'open'
    ? []
    : [{ field: 'status', rule: 'isOpenPlan', message: 'the plan is closed', kind: 'conflict' }];
}

/**
 * Once the family withdraws agreement, no new information about them flows to partners, so the plan takes no
 * change except closing or stepping up (safeguarding does not wait for consent: DPA 2018 sch. 1 para. 18).
 */
export function changeViolations(status: PlanStatus, agreement: PlanAgreementStatus): RuleViolation[] {
  const closed = openPlanViolations(status);
  if (closed.length > 0) return closed;
  return agreement === 'agreed'
    ? []
    : [
        {
          field: 'agreement',
          rule: 'familyAgreementInForce',
          message: 'the family withdrew its agreement: the plan can only be closed or stepped up',
          kind: 'conflict',
        },
      ];
}
