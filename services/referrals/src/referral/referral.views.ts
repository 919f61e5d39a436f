import type { Referral } from './referral.entity.js';
import type { ReferralRelationship } from '../access/referral-access.policy.js';

/** What the receiving agency sees: the whole referral, including who referred unless withheld from the family. */
export function receivingAgencyView(r: Referral) {
  return {
    id: r.id,
    familyId: r.familyId,
    status: r.status,
    version: r.version,
    receivedAt: r.receivedAt.toISOString(),
    decisionDueAt: r.decisionDueAt.toISOString(),
    sourceCode: r.sourceCode,
    source: r.source,
    submittedBy: r.submittedBy,
    receivingAgencyId: r.receivingAgencyId,
    proposedLevelOfNeed: r.proposedLevel,
    urgency: r.urgency,
    consent: r.consent,
    concerns: r.concerns,
    family: { children: r.children, carers: r.carers },
    linkedToReferralId: r.linkedToReferralId ?? undefined,
    decision: r.decision ?? undefined,
    withdrawal: r.withdrawal ?? undefined,
  };
}

/**
 * What the referring agency sees: what it sent, where it stands and the outcome — not the triage
 * team's reasons or allocation, nor links to other agencies' referrals (third-party information).
 */
export function referrerView(r: Referral) {
  return {
    id: r.id,
    familyId: r.familyId,
    status: r.status,
    version: r.version,
    receivedAt: r.receivedAt.toISOString(),
    decisionDueAt: r.decisionDueAt.toISOString(),
    sourceCode: r.sourceCode,
    source: r.source,
    receivingAgencyId: r.receivingAgencyId,
    proposedLevelOfNeed: r.proposedLevel,
    urgency: r.urgency,
    consent: r.consent,
    concerns: r.concerns,
    family: { children: r.children, carers: r.carers },
    outcome: r.decision
      ? { outcome: r.decision.outcome, levelOfNeed: r.decision.levelOfNeed, decidedAt: r.decision.decidedAt }
      : undefined,
    withdrawal: r.withdrawal ? { withdrawnAt: r.withdrawal.withdrawnAt, reason: r.withdrawal.reason } : undefined,
  };
}

export type ReferralView = ReturnType<typeof receivingAgencyView> | ReturnType<typeof referrerView>;

/** Under a break-glass grant, the referral reads as its referrer sees it: what was sent, status and outcome. */
export function viewFor(relationship: ReferralRelationship, referral: Referral): ReferralView {
  return relationship === 'receiving-agency' ? receivingAgencyView(referral) : referrerView(referral);
}
