import type { LedgeredEvent } from './case-facts.js';

/** The event types the reports are built from (SQL `LIKE` patterns); everything else in the ledger is left unread. */
export const REPORTED_TYPES = ['baton.referral.%', 'baton.plan.%', 'baton.order.%', 'baton.contract.signed.%'];

const REPORTED = /^baton\.(referral|plan|order)\.|^baton\.contract\.signed\./;

/** A shape to keep: `true` keeps the value as it is; an object keeps only its own keys (in each array item too). */
type Keep = { [key: string]: true | Keep };

const CHILD: Keep = { childId: true, personId: true, dateOfBirth: true };

/**
 * What the reports read of each event's data, and nothing else: ids, codes, agency ids, dates and flags. Names,
 * contact details, reasons and notes (free text) never reach the reports' store. A report that needs a new field
 * adds it here (the reports' tests fail until it does).
 */
const KEEP: Keep = {
  referralId: true,
  familyId: true,
  receivedAt: true,
  decisionDueAt: true,
  sourceCode: true,
  source: { kind: true, agencyId: true },
  receivingAgencyId: true,
  children: CHILD,
  decidedAt: true,
  outcome: true,
  allocatedTeamId: true,
  allocatedWorkerName: true,
  withdrawnAt: true,
  planId: true,
  plan: { referralIds: true, lead: { professional: { agencyId: true } }, children: CHILD, nextReviewDate: true },
  openedAt: true,
  completedAt: true,
  heldOn: true,
  progress: { progress: true },
  effectiveAt: true,
  closedAt: true,
  orderId: true,
  enforcementId: true,
  holdingAgencyId: true,
  holdingAgencyKind: true,
  breachOn: true,
  contactDueAt: true,
  contactedAt: true,
  decision: true,
  decidedWithoutContact: true,
  takesEffect: true,
  workingDaysFromBreach: true,
};

/** Types whose `reason` is a code from a closed list (a plan's closure reason), not free text. */
const CODED_REASON = new Set(['baton.plan.closed.v1']);

function kept(value: unknown, keep: true | Keep): unknown {
  if (keep === true || value === null || typeof value !== 'object') return keep === true ? value : undefined;
  if (Array.isArray(value)) return value.map((item) => kept(item, keep)).filter((item) => item !== undefined);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const rule = keep[key];
    if (rule === undefined) continue;
    const v = kept(child, rule);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * The part of an event the reports may keep, or undefined when no report reads its type. Taken when the event is
 * ledgered, so the figures for a past window stay the same once the event's content is erased from the ledger.
 */
export function reportFactsOf(event: Record<string, unknown>): LedgeredEvent['event'] | undefined {
  const type = String(event.type);
  if (!REPORTED.test(type)) return undefined;
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const facts = kept(data, KEEP) as Record<string, unknown>;
  if (CODED_REASON.has(type) && typeof data.reason === 'string') facts.reason = data.reason;
  return {
    id: String(event.id),
    type,
    time: String(event.time),
    subject: String(event.subject),
    actor: String(event.actor),
    ...(typeof event.actoragency === 'string' ? { actoragency: event.actoragency } : {}),
    data: facts,
  };
}

/** `YYYY-MM-DD` → `YYYY-MM-01`: what an erased family's facts keep of a child's date of birth. */
function monthOf(date: unknown): unknown {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 8)}01` : date;
}

/**
 * An erased family's facts: dates of birth kept to the month, and nothing else changed (names and free text were
 * never kept; ids are Baton's own and identify no one once the family's records are erased).
 */
export function erasedReportFacts(facts: LedgeredEvent['event']): LedgeredEvent['event'] {
  const coarsen = (children: unknown): unknown =>
    Array.isArray(children)
      ? children.map((c: Record<string, unknown>) => ({
          ...c,
          ...('dateOfBirth' in c ? { dateOfBirth: monthOf(c.dateOfBirth) } : {}),
        }))
      : children;
  const data = { ...facts.data };
  if ('children' in data) data.children = coarsen(data.children);
  if (typeof data.plan === 'object' && data.plan !== null) {
    const plan = { ...(data.plan as Record<string, unknown>) };
    if ('children' in plan) plan.children = coarsen(plan.children);
    data.plan = plan;
  }
  return { ...facts, data };
}
