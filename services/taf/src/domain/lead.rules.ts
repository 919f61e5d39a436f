import type { RuleViolation } from './rule-violation.js';

/** The people a rule about leads needs to know: who they are and for which agency. */
export interface PersonAtAgency {
  personId: string;
  agencyId: string;
}

export interface HandoverActor extends PersonAtAgency {
  isManager: boolean;
}

const same = (a: PersonAtAgency, b: PersonAtAgency) => a.personId === b.personId && a.agencyId === b.agencyId;

/**
 * Only the lead professional proposes handing over the plan, or a manager of the lead's agency (when the
 * lead is away or has left); the proposed lead must be someone else.
 */
export function proposeHandoverViolations(
  caller: HandoverActor,
  lead: PersonAtAgency,
  proposed: PersonAtAgency,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!same(caller, lead) && !(caller.isManager && caller.agencyId === lead.agencyId)) {
    violations.push({
      field: 'caller',
      rule: 'isLeadOrLeadAgencyManager',
      message: "only the lead professional or a manager of the lead's agency proposes a handover",
      kind: 'forbidden',
    });
  }
  if (same(proposed, lead)) {
    violations.push({
      field: 'proposedLead.personId',
      rule: 'isNotCurrentLead',
      message: `${proposed.personId} is already the lead professional`,
      kind: 'rule',
    });
  }
  return violations;
}

/** A handover becomes effective only when the proposed lead themself accepts it (or declines it). */
export function answerHandoverViolations(
  caller: PersonAtAgency,
  handover: { status: string; proposedLead: PersonAtAgency },
): RuleViolation[] {
  if (!same(caller, handover.proposedLead)) {
    return [
      {
        field: 'caller',
        rule: 'isProposedLead',
        message: 'only the proposed lead professional answers a handover',
        kind: 'forbidden',
      },
    ];
  }
  if (handover.status !== 'proposed') {
    return [
      {
        field: 'handover',
        rule: 'isPendingHandover',
        message: `the handover was already ${handover.status}`,
        kind: 'conflict',
      },
    ];
  }
  return [];
}

/**
 * The lead's own agency stays on the plan while they lead it: leaving would leave the lead outside the team.
 */
export function memberLeavingViolations(leavingAgencyId: string, leadAgencyId: string): RuleViolation[] {
  return leavingAgencyId === leadAgencyId
    ? [
        {
          field: 'memberId',
          rule: 'isNotLeadAgency',
          message: "the lead professional's agency stays on the plan; hand over the lead first",
          kind: 'conflict',
        },
      ]
    : [];
}

/**
 * A lead's time ends (by handover or closure) no earlier than it began. At the very instant it began is allowed:
 * the tenure is empty but never overlaps its successor's. Earlier happens only when clocks disagree (another
 * replica, a corrected clock), and is refused here rather than left to the database's check.
 */
export function leadEndViolations(leadStartedAt: Date, endsAt: Date, field: string): RuleViolation[] {
  return endsAt < leadStartedAt
    ? [
        {
          field,
          rule: 'isNotBeforeCurrentLeadStarted',
          message: `the current lead professional's time began at ${leadStartedAt.toISOString()}, after ${endsAt.toISOString()}`,
          kind: 'conflict',
        },
      ]
    : [];
}
