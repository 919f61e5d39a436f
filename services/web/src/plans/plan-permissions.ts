import type { ClosureChange, Plan } from './taf.api.js';

export type ClosureKind = ClosureChange['kind'];

export const CLOSURE_KINDS: readonly ClosureKind[] = ['step-up', 'step-down', 'close', 'withdraw-agreement'];

const FINAL_STATUSES = ['done', 'cancelled'];

/** Outcomes, actions and members change only while the plan is open and the family's agreement stands. */
export function planTakesChanges(plan: Pick<Plan, 'status' | 'agreement'>): boolean {
  return plan.status === 'open' && plan.agreement.status === 'agreed';
}

/** The lead updates any action; a member agency its own. Done and cancelled actions stay as they are. */
export function mayUpdateAction(
  plan: Plan,
  action: Plan['actions'][number],
  person: { personId: string; agencyId: string },
): boolean {
  const isLead = plan.lead.professional.personId === person.personId;
  return (
    planTakesChanges(plan) &&
    !FINAL_STATUSES.includes(action.status) &&
    (isLead || action.ownerAgencyId === person.agencyId)
  );
}

export function isClosureKind(value: string): value is ClosureKind {
  return (CLOSURE_KINDS as readonly string[]).includes(value);
}

/** Which of the four the plan allows now: all need it open; recording a withdrawal needs the agreement standing. */
export function allowedClosures(plan: Pick<Plan, 'status' | 'agreement'>): ClosureKind[] {
  if (plan.status !== 'open') return [];
  return plan.agreement.status === 'agreed' ? [...CLOSURE_KINDS] : ['step-up', 'step-down', 'close'];
}
