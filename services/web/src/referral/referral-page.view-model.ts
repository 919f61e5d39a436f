import type { SignedInPerson } from '../sign-in/session.types.js';
import { dateTime, deadline, longDate } from '../layout/dates.js';
import type { LevelOfNeedLabel, Referral, ReferralPage } from './referrals.api.js';
import {
  CONCERN_WORDS,
  CONSENT_WORDS,
  LAWFUL_BASIS_WORDS,
  OUTCOME_WORDS,
  STATUS_WORDS,
  sourceWords,
} from './referral-words.js';

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

export function familyName(referral: Pick<Referral, 'family'>): string {
  return referral.family.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ');
}

function childLine(c: Referral['family']['children'][number]): string {
  return `${c.givenName} ${c.familyName}, ${c.dateOfBirth ? `born ${longDate(c.dateOfBirth)}` : `unborn, due ${longDate(c.expectedDateOfBirth)}`}`;
}

function levelLabel(levels: LevelOfNeedLabel[], level: number | undefined): string {
  if (level === undefined) return '';
  return levels.find((l) => l.level === level)?.label ?? `Level ${level}`;
}

/** One referral, in the words of whoever reads it; what they may do next is decided by the service's answer. */
export function referralPage(
  referral: Referral,
  etag: string | undefined,
  person: SignedInPerson,
  levels: LevelOfNeedLabel[],
  agencyName: (id: string) => string,
) {
  const isReceiving = referral.receivingAgencyId === person.agencyId;
  const awaiting = referral.status === 'received';
  const outcome = referral.decision ?? referral.outcome;
  const details: Row[] = [
    row('Status', STATUS_WORDS[referral.status] ?? referral.status),
    row('Received', dateTime(referral.receivedAt)),
    ...(awaiting ? [row('Decision due by', deadline(referral.decisionDueAt))] : []),
    row('Sent to', agencyName(referral.receivingAgencyId)),
    row(
      'Referred by',
      [referral.source.name, referral.source.agencyId ? agencyName(referral.source.agencyId) : undefined]
        .filter(Boolean)
        .join(', ') || 'Withheld',
    ),
    row('Where it comes from', sourceWords(referral.sourceCode)),
    row('Urgency', referral.urgency === 'urgent' ? 'Urgent' : 'Routine'),
    row("Referrer's view of the level of need", levelLabel(levels, referral.proposedLevelOfNeed)),
  ];
  const family: Row[] = [
    ...referral.family.children.map((c, i) => row(`Child ${i + 1}`, childLine(c))),
    ...referral.family.carers.map((c, i) =>
      row(
        `Parent or carer ${i + 1}`,
        `${c.givenName} ${c.familyName} (${c.relationship})${c.phone ? `, ${c.phone}` : ''}`,
      ),
    ),
  ];
  const concerns: Row[] = [
    row('Areas of concern', referral.concerns.categories.map((c) => CONCERN_WORDS[c] ?? c).join(', ')),
    row('What the referrer is worried about', referral.concerns.summary),
    row('Family agreed to the referral', CONSENT_WORDS[referral.consent.status] ?? referral.consent.status),
    row('Family agreed to sharing', referral.consent.sharingAgreed ? 'Yes' : 'No'),
    ...(referral.consent.lawfulBasis
      ? [
          row(
            'Lawful basis without consent',
            LAWFUL_BASIS_WORDS[referral.consent.lawfulBasis] ?? referral.consent.lawfulBasis,
          ),
          row('Why', referral.consent.reason ?? ''),
        ]
      : []),
  ];
  const decision: Row[] = outcome
    ? [
        row('Outcome', OUTCOME_WORDS[outcome.outcome] ?? outcome.outcome),
        ...(outcome.levelOfNeed ? [row('Level of need', levelLabel(levels, outcome.levelOfNeed))] : []),
        row('Decided', dateTime(outcome.decidedAt)),
        ...(referral.decision?.reasons ? [row('Reasons', referral.decision.reasons)] : []),
        ...(referral.decision?.allocatedWorkerName
          ? [row('Allocated worker', referral.decision.allocatedWorkerName)]
          : []),
      ]
    : [];
  return {
    pageTitle: `Referral for ${familyName(referral)}`,
    referral: { id: referral.id, version: etag ?? `"${referral.version}"` },
    urgent: referral.urgency === 'urgent',
    overdue: awaiting && Date.parse(referral.decisionDueAt) < Date.now(),
    linked: Boolean(referral.linkedToReferralId),
    details,
    family,
    concerns,
    decision,
    withdrawal: referral.withdrawal
      ? [row('Withdrawn', dateTime(referral.withdrawal.withdrawnAt)), row('Reason', referral.withdrawal.reason)]
      : [],
    canDecide: isReceiving && awaiting && person.roles.includes('triager'),
    canWithdraw: !isReceiving && awaiting && referral.source.agencyId === person.agencyId,
  };
}

/** Referrals my agency sent, newest state first in the words of the referrer (the outcome, not the reasons). */
export function sentReferralsPage(page: ReferralPage, status: string | undefined, levels: LevelOfNeedLabel[]) {
  return {
    pageTitle: 'Referrals we sent',
    status: status ?? '',
    filters: [
      { value: '', text: 'All' },
      { value: 'received', text: STATUS_WORDS.received! },
      { value: 'decided', text: STATUS_WORDS.decided! },
      { value: 'withdrawn', text: STATUS_WORDS.withdrawn! },
    ].map((f) => ({ ...f, selected: f.value === (status ?? '') })),
    referrals: page.items.map((r) => ({
      href: `/referrals/${r.id}`,
      family: familyName(r),
      received: dateTime(r.receivedAt),
      status: STATUS_WORDS[r.status] ?? r.status,
      outcome: r.outcome
        ? `${OUTCOME_WORDS[r.outcome.outcome] ?? r.outcome.outcome}${r.outcome.levelOfNeed ? ` (${levelLabel(levels, r.outcome.levelOfNeed)})` : ''}`
        : '',
    })),
    nextPageHref: page.nextCursor
      ? `/referrals?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor })}`
      : undefined,
  };
}
