import type { LedgeredEvent } from './case-facts.js';
import { within, type Period } from './statistics.js';

/** A ledger entry cited as evidence: where it sits in the chain and the hash that seals it. */
export interface Evidence {
  seq: number;
  hash: string;
  eventId: string;
  type: string;
  time: string;
  actor: string;
}

/** One apparent breach of a parenting order and every recorded step of its enforcement. */
export interface EnforcementCase {
  enforcementId: string;
  orderId: string;
  familyId: string;
  holdingAgencyId: string;
  holdingAgencyKind: string;
  breachOn?: string;
  contactDueAt?: string;
  parentContactedAt?: string;
  decision?: string;
  decidedAt?: string;
  workingDaysFromBreach?: number;
  /** The decision took effect (a prosecution referral needs a second approver first). */
  takesEffect?: boolean;
  /** A prosecution referral waiting for its second approver: not yet a prosecution. */
  awaitingApproval: boolean;
  /** The decision was recorded before the parent was contacted. */
  decidedWithoutContact?: boolean;
  /**
   * No decision recorded yet, or a prosecution referral the approver rejected: the exception managers must find
   * (DOMAIN: "every breach with no recorded decision").
   */
  undecided: boolean;
  evidence: Evidence[];
}

type Data = Record<string, unknown>;

/**
 * Enforcement cases opened in the period, each with the ledger entries that evidence its decisions. Events of an
 * order that name an `enforcementId` join that case.
 */
export function enforcementCases(events: readonly LedgeredEvent[], period: Period): EnforcementCase[] {
  const cases = new Map<string, EnforcementCase>();
  for (const { seq, hash, event } of events) {
    if (!event.type.startsWith('baton.order.')) continue;
    const d = event.data;
    const id = typeof d.enforcementId === 'string' ? d.enforcementId : undefined;
    if (id === undefined) continue;
    let c = cases.get(id);
    if (event.type === 'baton.order.enforcement-opened.v1') {
      c = {
        enforcementId: id,
        orderId: String(d.orderId),
        familyId: String(d.familyId),
        holdingAgencyId: String(d.holdingAgencyId),
        holdingAgencyKind: String(d.holdingAgencyKind),
        breachOn: d.breachOn as string,
        contactDueAt: d.contactDueAt as string,
        awaitingApproval: false,
        undecided: true,
        evidence: [],
      };
      cases.set(id, c);
    }
    if (!c) continue;
    c.evidence.push({ seq, hash, eventId: event.id, type: event.type, time: event.time, actor: event.actor });
    applyStep(c, event.type, d);
  }
  return [...cases.values()].filter((c) => within(period, c.evidence[0].time));
}

function applyStep(c: EnforcementCase, type: string, d: Data): void {
  if (type === 'baton.order.parent-contacted.v1') c.parentContactedAt ??= d.contactedAt as string;
  if (type === 'baton.order.enforcement-decided.v1') {
    c.decision = d.decision as string;
    c.decidedAt = d.decidedAt as string;
    c.workingDaysFromBreach = d.workingDaysFromBreach as number;
    c.takesEffect = d.takesEffect as boolean;
    c.awaitingApproval = d.takesEffect === false;
    if (typeof d.decidedWithoutContact === 'boolean') c.decidedWithoutContact = d.decidedWithoutContact;
    c.undecided = false;
  }
  if (type === 'baton.order.prosecution-approved.v1') {
    c.takesEffect = true;
    c.awaitingApproval = false;
  }
  if (type === 'baton.order.prosecution-rejected.v1') {
    // Back to the officer: the referral never took effect, and the breach awaits a decision again.
    delete c.decision;
    delete c.decidedAt;
    delete c.workingDaysFromBreach;
    delete c.takesEffect;
    delete c.decidedWithoutContact;
    c.awaitingApproval = false;
    c.undecided = true;
  }
}
