import {
  newEvent,
  ReferralEvents,
  type ConsentSummary,
  type ReferralCarerSummary,
  type ReferralChildSummary,
} from '@baton/contracts';
import type { Referral } from './referral.entity.js';

export const REFERRALS_SOURCE = 'baton/referrals';

/** Children as other services may hold them: names and dates, never the NHS number. */
function childSummaries(r: Referral): ReferralChildSummary[] {
  return r.children.map(({ childId, givenName, familyName, dateOfBirth, expectedDateOfBirth }) =>
    Object.assign(
      { childId, givenName, familyName },
      dateOfBirth ? { dateOfBirth } : {},
      expectedDateOfBirth ? { expectedDateOfBirth } : {},
    ),
  );
}

function carerSummaries(r: Referral): ReferralCarerSummary[] {
  return r.carers.map(({ carerId, givenName, familyName, relationship }) => ({
    carerId,
    givenName,
    familyName,
    relationship,
  }));
}

function consentSummary(r: Referral): ConsentSummary {
  const { status, sharingAgreed, lawfulBasis } = r.consent;
  return Object.assign({ status, sharingAgreed }, lawfulBasis ? { lawfulBasis } : {});
}

interface Cause {
  actor: string;
  actoragency?: string;
  correlationid?: string;
}

function envelope(r: Referral, cause: Cause) {
  return {
    source: REFERRALS_SOURCE,
    subject: r.id,
    tenant: r.tenant,
    familyid: r.familyId,
    actor: cause.actor,
    actoragency: cause.actoragency,
    correlationid: cause.correlationid,
  };
}

export function referralReceived(r: Referral, cause: Cause) {
  return newEvent(ReferralEvents.received, {
    ...envelope(r, cause),
    time: r.receivedAt,
    data: {
      referralId: r.id,
      familyId: r.familyId,
      receivedAt: r.receivedAt.toISOString(),
      decisionDueAt: r.decisionDueAt.toISOString(),
      sourceCode: r.sourceCode,
      source: Object.assign(
        { kind: r.source.kind, identityWithheld: r.source.identityWithheld },
        r.source.agencyId ? { agencyId: r.source.agencyId } : {},
        r.source.relationship ? { relationship: r.source.relationship } : {},
      ),
      receivingAgencyId: r.receivingAgencyId,
      proposedLevelOfNeed: r.proposedLevel,
      urgency: r.urgency,
      consent: consentSummary(r),
      concernCategories: r.concerns.categories,
      children: childSummaries(r),
      carers: carerSummaries(r),
      ...(r.linkedToReferralId ? { linkedToReferralId: r.linkedToReferralId } : {}),
    },
  });
}

export function referralLinked(r: Referral, existing: Referral, matchedChildIds: string[], cause: Cause) {
  return newEvent(ReferralEvents.linked, {
    ...envelope(r, cause),
    data: {
      referralId: r.id,
      linkedToReferralId: existing.id,
      familyId: r.familyId,
      matchedChildIds,
      ownerAgencyId: existing.receivingAgencyId,
      receivedAt: r.receivedAt.toISOString(),
    },
  });
}

export function referralDecided(r: Referral, cause: Cause) {
  const decision = r.decision;
  if (!decision) throw new Error(`referral ${r.id} has no decision to publish`);
  return newEvent(ReferralEvents.decided, {
    ...envelope(r, cause),
    data: {
      referralId: r.id,
      familyId: r.familyId,
      outcome: decision.outcome,
      levelOfNeed: decision.levelOfNeed,
      reasons: decision.reasons,
      decidedAt: decision.decidedAt,
      decidedBy: decision.decidedBy,
      receivingAgencyId: r.receivingAgencyId,
      ...(r.referrerAgencyId ? { referrerAgencyId: r.referrerAgencyId } : {}),
      urgent: decision.outcome === 'step-up-social-care',
      ...(decision.allocatedTeamId ? { allocatedTeamId: decision.allocatedTeamId } : {}),
      ...(decision.allocatedWorkerId ? { allocatedWorkerId: decision.allocatedWorkerId } : {}),
      ...(decision.allocatedWorkerName ? { allocatedWorkerName: decision.allocatedWorkerName } : {}),
      consent: consentSummary(r),
      children: childSummaries(r),
      carers: carerSummaries(r),
    },
  });
}

export function referralDecisionOverdue(r: Referral, detectedAt: Date) {
  return newEvent(ReferralEvents.decisionOverdue, {
    ...envelope(r, { actor: 'system' }),
    time: detectedAt,
    data: {
      referralId: r.id,
      familyId: r.familyId,
      receivingAgencyId: r.receivingAgencyId,
      decisionDueAt: r.decisionDueAt.toISOString(),
      detectedAt: detectedAt.toISOString(),
      urgency: r.urgency,
    },
  });
}

export function referralWithdrawn(r: Referral, cause: Cause) {
  const withdrawal = r.withdrawal;
  if (!withdrawal) throw new Error(`referral ${r.id} has no withdrawal to publish`);
  return newEvent(ReferralEvents.withdrawn, {
    ...envelope(r, cause),
    data: {
      referralId: r.id,
      familyId: r.familyId,
      withdrawnAt: withdrawal.withdrawnAt,
      reason: withdrawal.reason,
      withdrawnBy: withdrawal.withdrawnBy,
      receivingAgencyId: r.receivingAgencyId,
    },
  });
}
