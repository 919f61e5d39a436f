import type { LevelOfNeed, ReferralOutcome } from '@baton/contracts';
import type { AgencyConfig, PersonConfig } from '@baton/tenancy';
import type { RuleViolation } from './rule-violation.js';

/** The levels of need each triage outcome fits (DOMAIN: signpost is universal, early help 2–3, step up 4). */
const LEVELS_FOR_OUTCOME: Record<ReferralOutcome, readonly LevelOfNeed[]> = {
  'signpost-universal': [1],
  'accept-early-help': [2, 3],
  'step-up-social-care': [4],
  // Acute need (4) is never closed with no action: it is stepped up.
  'no-further-action': [1, 2, 3],
};

export type ReferralStatus = 'received' | 'decided' | 'withdrawn';

export function decisionViolations(outcome: ReferralOutcome, levelOfNeed: LevelOfNeed): RuleViolation[] {
  const allowed = LEVELS_FOR_OUTCOME[outcome];
  if (allowed.includes(levelOfNeed)) return [];
  return [
    {
      field: 'levelOfNeed',
      rule: 'levelFitsOutcome',
      message: `outcome ${outcome} is for level${allowed.length > 1 ? 's' : ''} ${allowed.join(' or ')}, not level ${levelOfNeed}`,
    },
  ];
}

/** Only a referral still awaiting triage can be decided or withdrawn. */
export function awaitingTriageViolations(status: ReferralStatus): RuleViolation[] {
  if (status === 'received') return [];
  return [{ field: 'status', rule: 'isAwaitingTriage', message: `the referral is already ${status}` }];
}

/** Step-up to children's social care is urgent: notify at once, never batched. */
export function isUrgentOutcome(outcome: ReferralOutcome): boolean {
  return outcome === 'step-up-social-care';
}

/**
 * The agencies whose practitioners a decision may allocate the family to: children's social care on a step-up
 * (the case moves there), otherwise the receiving agency, whose allocated worker leads the plan that opens.
 */
export function allocatingAgencies(
  outcome: ReferralOutcome,
  receivingAgencyId: string,
  agencies: readonly AgencyConfig[],
): string[] {
  if (outcome === 'step-up-social-care') {
    return agencies.filter((a) => a.kind === 'childrens-social-care').map((a) => a.id);
  }
  return [receivingAgencyId];
}

/** Whether a person may be allocated: a practitioner (the role that holds cases) of an allocating agency. */
export function mayBeAllocated(person: PersonConfig, agencyIds: readonly string[]): boolean {
  return person.roles.includes('practitioner') && agencyIds.includes(person.agencyId);
}

/** The allocated worker is a person of the tenant, by id, who may hold the case; nobody is matched by name. */
export function allocationViolations(
  workerId: string | undefined,
  person: PersonConfig | undefined,
  agencyIds: readonly string[],
): RuleViolation[] {
  if (workerId === undefined) return [];
  if (person === undefined) {
    return [
      {
        field: 'allocatedWorkerId',
        rule: 'isKnownPerson',
        message: `${workerId} is not one of the authority's people (GET /v1/reference lists allocatableWorkers)`,
      },
    ];
  }
  if (mayBeAllocated(person, agencyIds)) return [];
  return [
    {
      field: 'allocatedWorkerId',
      rule: 'allocatedWorkerMayLead',
      message: `${person.name} cannot be allocated: the worker must be a practitioner of ${agencyIds.join(' or ')}`,
    },
  ];
}
