import type { PlanClosureReason } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** Closing with `stepped-up` or `stepped-down` goes through those actions, which tell the right people. */
const REASONS_WITH_THEIR_OWN_ACTION: readonly PlanClosureReason[] = ['stepped-up', 'stepped-down'];

export function closureViolations(reason: PlanClosureReason, reasonText: string | undefined): RuleViolation[] {
  if (REASONS_WITH_THEIR_OWN_ACTION.includes(reason)) {
    return [
      {
        field: 'reason',
        rule: 'useStepAction',
        message: `close with ${reason} through POST /v1/plans/{id}/${reason === 'stepped-up' ? 'step-up' : 'step-down'}`,
        kind: 'rule',
      },
    ];
  }
  if (reason === 'other' && !reasonText?.trim()) {
    return [
      {
        field: 'reasonText',
        rule: 'requiredWhenReasonOther',
        message: 'say why the plan closes when the reason is other',
        kind: 'rule',
      },
    ];
  }
  return [];
}
