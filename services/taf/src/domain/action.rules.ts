import type { PlanActionStatus } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

const FINAL: readonly PlanActionStatus[] = ['done', 'cancelled'];

/** An action belongs to an outcome of the plan and to an agency on it, and is not due in the past. */
export function newActionViolations(
  action: { outcomeId: string; ownerAgencyId: string; dueDate: string },
  outcomeIds: readonly string[],
  memberAgencyIds: readonly string[],
  today: string,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!outcomeIds.includes(action.outcomeId)) {
    violations.push({
      field: 'outcomeId',
      rule: 'isPlanOutcome',
      message: `${action.outcomeId} is not an outcome of this plan`,
      kind: 'rule',
    });
  }
  if (!memberAgencyIds.includes(action.ownerAgencyId)) {
    violations.push({
      field: 'ownerAgencyId',
      rule: 'isMemberAgency',
      message: `${action.ownerAgencyId} is not a member of this plan; add the agency first`,
      kind: 'rule',
    });
  }
  violations.push(...dueDateViolations(action.dueDate, today));
  return violations;
}

export function dueDateViolations(dueDate: string, today: string): RuleViolation[] {
  return dueDate < today
    ? [{ field: 'dueDate', rule: 'isNotPast', message: `${dueDate} is before today (${today})`, kind: 'rule' }]
    : [];
}

/**
 * Members update their own actions; the lead professional may update any. Done and cancelled are final:
 * a new action is added instead, so the record of what was done stands.
 */
export function actionUpdateViolations(
  caller: { agencyId: string; isLead: boolean },
  action: { ownerAgencyId: string; status: PlanActionStatus },
): RuleViolation[] {
  if (!caller.isLead && caller.agencyId !== action.ownerAgencyId) {
    return [
      {
        field: 'actionId',
        rule: 'isOwnAction',
        message: "members update their own agency's actions only",
        kind: 'forbidden',
      },
    ];
  }
  if (FINAL.includes(action.status)) {
    return [
      { field: 'status', rule: 'isNotFinal', message: `the action is already ${action.status}`, kind: 'conflict' },
    ];
  }
  return [];
}

/** Overdue once the whole of its due day has passed undone. */
export function isActionOverdue(action: { dueDate: string; status: PlanActionStatus }, today: string): boolean {
  return !FINAL.includes(action.status) && today > action.dueDate;
}
