import { CIN_REFERRAL_SOURCES } from '@baton/contracts';
import type { CaseFacts, ChildFacts, ReferralFacts } from './case-facts.js';
import { ageInYears, within, type Period } from './statistics.js';

/**
 * Column names as Ofsted's ILACS Annex A template spells them. Baton's events carry no gender, ethnicity or
 * disability (not needed to coordinate support, so not shared: data minimisation), so those columns are present
 * and empty, to be completed from the case-management system that holds them.
 */
export const ANNEX_A_COLUMNS = {
  list1: [
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Date of Contact',
    'Contact Source',
  ],
  list2: [
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Disability',
    'Assessment Start Date',
    'Assessment Completion Date',
    'Organisation Completing Assessment',
  ],
  list3: [
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Disability',
    'Date of Referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Allocated Team',
    'Allocated Worker',
  ],
} as const;

export type AnnexARow = Record<string, string | number>;

export interface AnnexAList {
  list: 1 | 2 | 3;
  title: string;
  columns: readonly string[];
  rows: AnnexARow[];
  /** The referral or plan behind each row (same order), for the access record and for tracing. */
  sources: { id: string; familyId: string }[];
}

/** Names the report needs from the authority's reference data. */
export interface AnnexANames {
  teamName(teamId: string): string | undefined;
  agencyName(agencyId: string): string | undefined;
  /** Whether the agency is children's social care (its referrals are Annex A list 3 referrals). */
  isChildrensSocialCare(agencyId: string): boolean;
}

const day = (timestamp: string) => timestamp.slice(0, 10);
const sourceLabel = (code: string) => {
  const label = CIN_REFERRAL_SOURCES.find((s) => s.code === code)?.label;
  return label ? `${code}: ${label}` : code;
};

function childColumns(child: ChildFacts, on: string, withDisability: boolean): AnnexARow {
  return {
    'Child Unique ID': child.childId,
    Gender: '',
    Ethnicity: '',
    'Date of Birth': child.dateOfBirth ?? '',
    'Age of Child (Years)': ageInYears(child.dateOfBirth, on) ?? '',
    ...(withDisability ? { Disability: '' } : {}),
  };
}

/** List 1: every contact with the front door in the window, one row per child. */
export function annexAList1(facts: CaseFacts, period: Period): AnnexAList {
  const contacts = [...facts.referrals.values()].filter((r) => within(period, r.receivedAt));
  const rows: AnnexARow[] = [];
  const sources: AnnexAList['sources'] = [];
  for (const r of contacts.sort(byReceipt)) {
    for (const child of r.children) {
      rows.push({
        ...childColumns(child, r.receivedAt, false),
        'Date of Contact': day(r.receivedAt),
        'Contact Source': sourceLabel(r.sourceCode),
      });
      sources.push({ id: r.referralId, familyId: r.familyId });
    }
  }
  return { list: 1, title: 'List 1: Contacts', columns: ANNEX_A_COLUMNS.list1, rows, sources };
}

/** List 2: early help — children in a plan whose early help assessment started (plan opened) in the window. */
export function annexAList2(facts: CaseFacts, period: Period, names: AnnexANames): AnnexAList {
  const plans = [...facts.plans.values()].filter((p) => within(period, p.openedAt));
  const rows: AnnexARow[] = [];
  const sources: AnnexAList['sources'] = [];
  for (const p of plans.sort((a, b) => a.openedAt.localeCompare(b.openedAt))) {
    for (const child of p.children) {
      rows.push({
        ...childColumns(child, p.openedAt, true),
        'Assessment Start Date': day(p.openedAt),
        'Assessment Completion Date': p.assessmentCompletedAt ? day(p.assessmentCompletedAt) : '',
        'Organisation Completing Assessment': p.leadAgencyId
          ? (names.agencyName(p.leadAgencyId) ?? p.leadAgencyId)
          : '',
      });
      sources.push({ id: p.planId, familyId: p.familyId });
    }
  }
  return { list: 2, title: 'List 2: Early help', columns: ANNEX_A_COLUMNS.list2, rows, sources };
}

/** A referral to children's social care: addressed to it, or stepped up to it at triage (dated at the decision). */
export interface SocialCareReferral {
  referral: ReferralFacts;
  referredAt: string;
}

export function socialCareReferrals(facts: CaseFacts, names: AnnexANames): SocialCareReferral[] {
  return [...facts.referrals.values()]
    .flatMap((r): SocialCareReferral[] => {
      if (names.isChildrensSocialCare(r.receivingAgencyId)) return [{ referral: r, referredAt: r.receivedAt }];
      if (r.outcome === 'step-up-social-care' && r.decidedAt) return [{ referral: r, referredAt: r.decidedAt }];
      return [];
    })
    .sort((a, b) => a.referredAt.localeCompare(b.referredAt));
}

const YEAR_MS = 365.25 * 24 * 3_600_000;

/** List 3: referrals to children's social care in the window, one row per child. */
export function annexAList3(facts: CaseFacts, period: Period, names: AnnexANames): AnnexAList {
  const all = socialCareReferrals(facts, names);
  const rows: AnnexARow[] = [];
  const sources: AnnexAList['sources'] = [];
  for (const { referral: r, referredAt } of all.filter((s) => within(period, s.referredAt))) {
    const isCsc = names.isChildrensSocialCare(r.receivingAgencyId);
    for (const child of r.children) {
      const at = Date.parse(referredAt);
      const inLastYear = all.filter(
        (s) =>
          s.referral.children.some((c) => c.childId === child.childId) &&
          Date.parse(s.referredAt) <= at &&
          Date.parse(s.referredAt) > at - YEAR_MS,
      ).length;
      rows.push({
        ...childColumns(child, referredAt, true),
        'Date of Referral': day(referredAt),
        'Referral Source': sourceLabel(r.sourceCode),
        'Referral NFA?': isCsc && r.outcome === 'no-further-action' ? 'Yes' : 'No',
        'Number of Referrals in Last 12 Months': inLastYear,
        'Allocated Team': r.allocatedTeamId ? (names.teamName(r.allocatedTeamId) ?? r.allocatedTeamId) : '',
        'Allocated Worker': r.allocatedWorkerName ?? '',
      });
      sources.push({ id: r.referralId, familyId: r.familyId });
    }
  }
  return { list: 3, title: 'List 3: Referrals', columns: ANNEX_A_COLUMNS.list3, rows, sources };
}

const byReceipt = (a: ReferralFacts, b: ReferralFacts) => a.receivedAt.localeCompare(b.receivedAt);
