import type { CaseFacts } from './case-facts.js';
import { socialCareReferrals, type AnnexANames } from './annex-a.js';
import { within, type Period } from './statistics.js';

/** CIN census referral items, named as in the census specification. */
export const CIN_CENSUS_COLUMNS = [
  'LAchildID',
  'CINreferralDate',
  'ReferralSource',
  'ReferralNFA',
  'CINclosureDate',
  'ReasonForClosure',
] as const;

export type CinCensusRow = Record<(typeof CIN_CENSUS_COLUMNS)[number], string>;

/**
 * Reasons for closure Baton can evidence from a triage decision. RC8: case closed after assessment, no further
 * action; RC9: case closed after assessment, referred to early help (a step down to early help).
 */
function closureOf(outcome: string | undefined): 'RC8' | 'RC9' | undefined {
  if (outcome === 'accept-early-help') return 'RC9';
  if (outcome === 'no-further-action' || outcome === 'signpost-universal') return 'RC8';
  return undefined;
}

/** One row per child per referral to children's social care in the period. */
export function cinCensusReferrals(
  facts: CaseFacts,
  period: Period,
  names: AnnexANames,
): { rows: CinCensusRow[]; sources: { id: string; familyId: string }[] } {
  const rows: CinCensusRow[] = [];
  const sources: { id: string; familyId: string }[] = [];
  for (const { referral: r, referredAt } of socialCareReferrals(facts, names).filter((s) =>
    within(period, s.referredAt),
  )) {
    // A step-up from the hub opens a social care episode; only social care's own decision closes one.
    const decidedBySocialCare = names.isChildrensSocialCare(r.receivingAgencyId);
    const reason = decidedBySocialCare ? closureOf(r.outcome) : undefined;
    for (const child of r.children) {
      rows.push({
        LAchildID: child.childId,
        CINreferralDate: referredAt.slice(0, 10),
        ReferralSource: r.sourceCode,
        ReferralNFA: decidedBySocialCare && r.outcome === 'no-further-action' ? 'true' : 'false',
        CINclosureDate: reason && r.decidedAt ? r.decidedAt.slice(0, 10) : '',
        ReasonForClosure: reason ?? '',
      });
      sources.push({ id: r.referralId, familyId: r.familyId });
    }
  }
  return { rows, sources };
}
