/** A plan is open from the moment it is opened until it is closed (stepping up or down closes it too). */
export const PLAN_STATUSES = ['open', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How the plan came to be: from an accepted referral, or opened directly by a practitioner. */
export const PLAN_ORIGINS = ['referral', 'practitioner'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

/** The family's agreement to the plan and to sharing; once withdrawn, no new information flows to partners. */
export const PLAN_AGREEMENT_STATUSES = ['agreed', 'withdrawn'] as const;
export type PlanAgreementStatus = (typeof PLAN_AGREEMENT_STATUSES)[number];

export const PLAN_ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

/** Why a plan closed (DOMAIN.md, "Closure with a reason"); `other` needs a text. */
export const PLAN_CLOSURE_REASONS = [
  'needs-met',
  'stepped-up',
  'stepped-down',
  'family-withdrew-agreement',
  'moved-to-another-authority',
  'other',
] as const;
export type PlanClosureReason = (typeof PLAN_CLOSURE_REASONS)[number];

/**
 * Progress towards one outcome at a review, from worse to achieved. The words, not numbers, are the
 * scale, so a reader never has to know which way a number runs.
 */
export const OUTCOME_PROGRESS = ['worse', 'no-change', 'some-progress', 'good-progress', 'achieved'] as const;
export type OutcomeProgress = (typeof OUTCOME_PROGRESS)[number];

/** What the family said about who should be their lead professional, recorded with every handover. */
export const FAMILY_LEAD_PREFERENCES = ['agrees', 'prefers-someone-else', 'no-preference', 'not-asked'] as const;
export type FamilyLeadPreference = (typeof FAMILY_LEAD_PREFERENCES)[number];
