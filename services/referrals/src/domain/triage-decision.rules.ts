import type { LevelOfNeed, ReferralOutcome } from '@baton/contracts';
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
