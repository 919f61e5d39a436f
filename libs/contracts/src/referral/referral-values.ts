/** Triage outcomes: signpost, early help (opens a plan), step up to social care (urgent), or nothing further. */
export const REFERRAL_OUTCOMES = [
  'signpost-universal',
  'accept-early-help',
  'step-up-social-care',
  'no-further-action',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** 1 universal, 2 additional, 3 complex (multi-agency, TAF), 4 acute/statutory; labels are each authority's own. */
export const LEVELS_OF_NEED = [1, 2, 3, 4] as const;
export type LevelOfNeed = (typeof LEVELS_OF_NEED)[number];

export const REFERRAL_URGENCIES = ['routine', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_SOURCE_KINDS = ['practitioner', 'individual'] as const;
export type ReferralSourceKind = (typeof REFERRAL_SOURCE_KINDS)[number];

export const INDIVIDUAL_REFERRER_RELATIONSHIPS = [
  'self',
  'family-member',
  'acquaintance',
  'other-individual',
  'anonymous',
] as const;
export type IndividualReferrerRelationship = (typeof INDIVIDUAL_REFERRER_RELATIONSHIPS)[number];

export const CONSENT_STATUSES = ['given', 'refused', 'not-sought'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
