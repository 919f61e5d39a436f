import type {
  ReferralCarerSummary,
  ReferralChildSummary,
  ReferralDecidedV1,
  ReferralDecisionOverdueV1,
  ReferralLinkedV1,
  ReferralReceivedV1,
  ReferralWithdrawnV1,
} from '@baton/contracts';
import type { FamilyCarer, FamilyChild, ReferralState } from './family-document.js';
import { inLifeOrder, type RecordedEvent } from './recorded-event.js';

export const REFERRAL_EVENT_TYPES = {
  received: 'baton.referral.received.v1',
  linked: 'baton.referral.linked.v1',
  decisionOverdue: 'baton.referral.decision-overdue.v1',
  decided: 'baton.referral.decided.v1',
  withdrawn: 'baton.referral.withdrawn.v1',
} as const;

/**
 * Referral events carry no version, but a referral only moves forward: received (or linked at intake), then
 * perhaps overdue, then decided or withdrawn. That order is its version, so a late `received` can fill in what
 * it alone carries without undoing a decision.
 */
const RANK: Readonly<Record<string, number>> = {
  [REFERRAL_EVENT_TYPES.received]: 1,
  [REFERRAL_EVENT_TYPES.linked]: 1,
  [REFERRAL_EVENT_TYPES.decisionOverdue]: 2,
  [REFERRAL_EVENT_TYPES.decided]: 3,
  [REFERRAL_EVENT_TYPES.withdrawn]: 3,
};

export function isReferralEvent(type: string): boolean {
  return RANK[type] !== undefined;
}

/** One referral's state from its events, in any order; undefined if none of them names its receiving agency. */
export function foldReferral(events: readonly RecordedEvent[]): ReferralState | undefined {
  let state: Partial<ReferralState> & { referralId?: string } = { decisionOverdue: false, children: [], carers: [] };
  for (const event of inLifeOrder(events, (e) => RANK[e.type] ?? 0)) state = applyReferralEvent(state, event);
  if (state.referralId === undefined || state.receivingAgencyId === undefined || state.status === undefined) {
    return undefined;
  }
  return state as ReferralState;
}

type Draft = Partial<ReferralState>;

function applyReferralEvent(state: Draft, event: RecordedEvent): Draft {
  switch (event.type) {
    case REFERRAL_EVENT_TYPES.received: {
      const d = event.data as ReferralReceivedV1;
      return {
        ...state,
        referralId: d.referralId,
        status: state.status ?? 'received',
        receivingAgencyId: d.receivingAgencyId,
        referrerAgencyId: d.source.agencyId ?? state.referrerAgencyId,
        receivedAt: d.receivedAt,
        decisionDueAt: d.decisionDueAt,
        urgency: d.urgency,
        proposedLevelOfNeed: d.proposedLevelOfNeed,
        linkedToReferralId: d.linkedToReferralId ?? state.linkedToReferralId,
        children: d.children.map(childOf),
        carers: d.carers.map(carerOf),
      };
    }
    case REFERRAL_EVENT_TYPES.linked: {
      const d = event.data as ReferralLinkedV1;
      return { ...state, referralId: d.referralId, linkedToReferralId: d.linkedToReferralId, receivedAt: d.receivedAt };
    }
    case REFERRAL_EVENT_TYPES.decisionOverdue: {
      const d = event.data as ReferralDecisionOverdueV1;
      return {
        ...state,
        referralId: d.referralId,
        status: state.status ?? 'received',
        receivingAgencyId: d.receivingAgencyId,
        decisionDueAt: d.decisionDueAt,
        urgency: d.urgency,
        decisionOverdue: true,
      };
    }
    case REFERRAL_EVENT_TYPES.decided: {
      const d = event.data as ReferralDecidedV1;
      return {
        ...state,
        referralId: d.referralId,
        status: 'decided',
        receivingAgencyId: d.receivingAgencyId,
        referrerAgencyId: d.referrerAgencyId ?? state.referrerAgencyId,
        outcome: d.outcome,
        levelOfNeed: d.levelOfNeed,
        decidedAt: d.decidedAt,
        children: d.children.map(childOf),
        carers: d.carers.map(carerOf),
      };
    }
    case REFERRAL_EVENT_TYPES.withdrawn: {
      const d = event.data as ReferralWithdrawnV1;
      return {
        ...state,
        referralId: d.referralId,
        status: 'withdrawn',
        receivingAgencyId: d.receivingAgencyId,
        withdrawnAt: d.withdrawnAt,
      };
    }
    default:
      return state;
  }
}

function childOf(c: ReferralChildSummary): FamilyChild {
  return Object.assign(
    { givenName: c.givenName, familyName: c.familyName },
    c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {},
    c.expectedDateOfBirth ? { expectedDateOfBirth: c.expectedDateOfBirth } : {},
  );
}

function carerOf(c: ReferralCarerSummary): FamilyCarer {
  return { givenName: c.givenName, familyName: c.familyName, relationship: c.relationship };
}
