/**
 * The statute a parenting order was made under. It decides who may apply and where an appeal lies
 * (the service keeps that table); consumers route on it without needing the grounds.
 */
export const ORDER_LEGAL_BASES = [
  'cda-1998-s8',
  'sa-2020-s366',
  'sa-2020-s368',
  'sa-2020-s369',
  'asba-2003-s20',
  'asba-2003-s26',
  'asba-2003-s26a',
  'asba-2003-s26b',
] as const;
export type OrderLegalBasis = (typeof ORDER_LEGAL_BASES)[number];

/** The kinds of agency that hold parenting orders through a named responsible officer. */
export const HOLDING_AGENCY_KINDS = ['youth-offending-team', 'education-welfare', 'local-authority'] as const;
export type HoldingAgencyKind = (typeof HOLDING_AGENCY_KINDS)[number];

/** `in-force` until discharged, quashed on appeal, expired (period over) or completed. */
export const ORDER_STATES = ['in-force', 'discharged', 'quashed', 'expired', 'completed'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** The counselling or guidance programme, and the typical additional requirements (DOMAIN.md). */
export const REQUIREMENT_KINDS = [
  'programme',
  'escort-to-school',
  'home-between-hours',
  'attend-meetings',
  'other',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** CDA 1998 s.8(7A): a residential programme needs two recorded court findings. */
export const PROGRAMME_SETTINGS = ['non-residential', 'residential'] as const;
export type ProgrammeSetting = (typeof PROGRAMME_SETTINGS)[number];

/** Per session or per requirement: only a failure without reasonable excuse is an apparent breach. */
export const COMPLIANCE_OUTCOMES = ['complied', 'failed-reasonable-excuse', 'failed-without-excuse'] as const;
export type ComplianceOutcome = (typeof COMPLIANCE_OUTCOMES)[number];

/** The responsible officer's decision on an apparent breach. */
export const ENFORCEMENT_DECISIONS = ['no-action', 'written-warning', 'prosecution-referral'] as const;
export type EnforcementDecision = (typeof ENFORCEMENT_DECISIONS)[number];

export const PARENT_CONTACT_METHODS = ['in-person', 'home-visit', 'phone', 'letter', 'email'] as const;
export type ParentContactMethod = (typeof PARENT_CONTACT_METHODS)[number];

/** The court may vary or discharge an order on application by the responsible officer or the parent. */
export const ORDER_APPLICATION_KINDS = ['variation', 'discharge'] as const;
export type OrderApplicationKind = (typeof ORDER_APPLICATION_KINDS)[number];

export const ORDER_APPLICANTS = ['responsible-officer', 'parent'] as const;
export type OrderApplicant = (typeof ORDER_APPLICANTS)[number];

/** An application the court did not grant. */
export const ORDER_APPLICATION_REFUSALS = ['refused', 'withdrawn'] as const;
export type OrderApplicationRefusal = (typeof ORDER_APPLICATION_REFUSALS)[number];

/** An appeal is recorded when lodged and again when decided; `allowed` quashes the order. */
export const APPEAL_OUTCOMES = ['lodged', 'allowed', 'dismissed', 'abandoned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The court that made the order: with the legal basis it decides where an appeal lies. */
export const ORDER_COURTS = ['youth-court', 'magistrates-court', 'crown-court', 'family-court'] as const;
export type OrderCourtKind = (typeof ORDER_COURTS)[number];

/** Where an appeal against the order lies. */
export const APPEAL_ROUTES = ['crown-court', 'court-of-appeal', 'high-court'] as const;
export type AppealRoute = (typeof APPEAL_ROUTES)[number];
