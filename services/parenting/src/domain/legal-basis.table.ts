import type { AppealRoute, HoldingAgencyKind, OrderCourtKind, OrderLegalBasis } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** Who brings the proceedings in which an order is made. */
export const ORDER_APPLICANT_KINDS = [
  'court-own-motion',
  'local-authority',
  'school',
  'youth-offending-team',
  'registered-housing-provider',
] as const;
export type OrderApplicantKind = (typeof ORDER_APPLICANT_KINDS)[number];

export interface LegalBasisRule {
  /** The statute, as a person reads it. */
  title: string;
  /** Who may apply; `court-own-motion` where the court makes the order in proceedings before it. */
  applicants: readonly OrderApplicantKind[];
  /** Which agencies may hold it through a responsible officer. */
  holders: readonly HoldingAgencyKind[];
  /** Appeals under CDA 1998 s.10 (and ASBA 2003 ss.22, 28 applying it) or as against sentence. */
  appeal: 'cda-1998-s10' | 'as-against-sentence';
}

/** Each legal basis: who may apply, who may hold the order, and how an appeal runs. */
export const LEGAL_BASES: Readonly<Record<OrderLegalBasis, LegalBasisRule>> = {
  'cda-1998-s8': {
    title: 'Crime and Disorder Act 1998 s.8',
    applicants: ['court-own-motion'],
    holders: ['youth-offending-team', 'local-authority'],
    appeal: 'cda-1998-s10',
  },
  'sa-2020-s366': {
    title: 'Sentencing Act 2020 s.366 (child convicted)',
    applicants: ['court-own-motion'],
    holders: ['youth-offending-team'],
    appeal: 'as-against-sentence',
  },
  'sa-2020-s368': {
    title: 'Sentencing Act 2020 s.368 (failure to attend youth offender panel)',
    applicants: ['court-own-motion'],
    holders: ['youth-offending-team'],
    appeal: 'as-against-sentence',
  },
  'sa-2020-s369': {
    title: 'Sentencing Act 2020 s.369 (school attendance conviction)',
    applicants: ['court-own-motion'],
    holders: ['education-welfare', 'local-authority'],
    appeal: 'as-against-sentence',
  },
  'asba-2003-s20': {
    title: 'Anti-social Behaviour Act 2003 s.20 (exclusion or serious misbehaviour)',
    applicants: ['local-authority', 'school'],
    holders: ['education-welfare', 'local-authority'],
    appeal: 'cda-1998-s10',
  },
  'asba-2003-s26': {
    title: 'Anti-social Behaviour Act 2003 s.26 (youth offending team)',
    applicants: ['youth-offending-team'],
    holders: ['youth-offending-team'],
    appeal: 'cda-1998-s10',
  },
  'asba-2003-s26a': {
    title: 'Anti-social Behaviour Act 2003 s.26A (local authority, anti-social behaviour)',
    applicants: ['local-authority'],
    holders: ['local-authority'],
    appeal: 'cda-1998-s10',
  },
  'asba-2003-s26b': {
    title: 'Anti-social Behaviour Act 2003 s.26B (registered housing provider)',
    applicants: ['registered-housing-provider'],
    holders: ['local-authority'],
    appeal: 'cda-1998-s10',
  },
};

/**
 * Where an appeal lies. From the Crown Court, to the Court of Appeal; from the family court, to the
 * High Court (CDA 1998 s.10(1)(a) as it now reads); otherwise — a youth or magistrates' court — to
 * the Crown Court, whether under s.10 or as against sentence.
 */
export function appealRouteFor(basis: OrderLegalBasis, court: OrderCourtKind): AppealRoute {
  if (court === 'crown-court') return 'court-of-appeal';
  if (court === 'family-court' && LEGAL_BASES[basis].appeal === 'cda-1998-s10') return 'high-court';
  return 'crown-court';
}

export function legalBasisViolations(
  basis: OrderLegalBasis,
  applicant: OrderApplicantKind,
  holder: HoldingAgencyKind,
  court: OrderCourtKind,
): RuleViolation[] {
  const rule = LEGAL_BASES[basis];
  const violations: RuleViolation[] = [];
  if (!rule.applicants.includes(applicant)) {
    violations.push({
      field: 'applicant',
      rule: 'legalBasis.applicant',
      message: `under ${rule.title} the order is sought by: ${rule.applicants.join(', ')}`,
    });
  }
  if (!rule.holders.includes(holder)) {
    violations.push({
      field: 'holdingAgencyId',
      rule: 'legalBasis.holder',
      message: `an order under ${rule.title} is held by: ${rule.holders.join(', ')}`,
    });
  }
  if (rule.appeal === 'as-against-sentence' && court === 'family-court') {
    violations.push({
      field: 'courtKind',
      rule: 'legalBasis.criminalCourt',
      message: `${rule.title} orders are made by a criminal court`,
    });
  }
  return violations;
}
