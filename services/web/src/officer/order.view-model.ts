import { dateTime, deadline, longDate } from '../layout/dates.js';
import type { SignedInPerson } from '../sign-in/session.types.js';
import {
  APPEAL_ROUTES,
  APPLICANTS,
  COMPLIANCE_OUTCOMES,
  CONTACT_METHODS,
  COURT_KINDS,
  DECISIONS,
  ENFORCEMENT_STATUSES,
  LEGAL_BASES,
  ORDER_STATES,
  REQUIREMENT_KINDS,
  TIMELINE_STEPS,
  wordFor,
} from './order-words.js';
import type { EnforcementCase, OrderRequirement, OrderView, TimelineEntry } from './parenting.api.js';

type Person = { givenName?: unknown; familyName?: unknown };

export function namesOf(people: Person[] | undefined): string {
  return (people ?? []).map((p) => `${String(p.givenName ?? '')} ${String(p.familyName ?? '')}`.trim()).join(', ');
}

/** A case whose contact deadline has passed with no contact recorded. */
export function contactOverdue(c: EnforcementCase, now: Date): boolean {
  return c.contactedAt === null && c.status !== 'closed' && new Date(c.contactDueAt) <= now;
}

/** The earliest contact deadline still to be met on an order, if any. */
function nextContactDue(order: OrderView): string | undefined {
  return (order.enforcement ?? [])
    .filter((c) => c.contactedAt === null && c.status !== 'closed')
    .map((c) => c.contactDueAt)
    .sort()[0];
}

/** Orders I hold: those with an overdue contact first (longest overdue first), then by the next deadline, then newest. */
export function heldOrdersPage(orders: OrderView[], now: Date) {
  const rows = orders.map((order) => {
    const due = nextContactDue(order);
    const overdue = due !== undefined && new Date(due) <= now;
    return {
      order,
      due,
      overdue,
      row: {
        href: `/orders/${order.id}`,
        children: namesOf(order.children) || 'Parenting order',
        parents: namesOf(order.parents),
        state: wordFor(ORDER_STATES, order.state),
        madeOn: longDate(order.madeOn),
        endsOn: longDate(order.requirementsEndOn),
        openCases: order.openEnforcementCases ?? 0,
        contact: due ? `Contact the parent by ${deadline(due)}` : '',
        overdue,
        officer: order.responsibleOfficer.name,
      },
    };
  });
  rows.sort((a, b) => {
    if (a.due && b.due) return a.due.localeCompare(b.due);
    if (a.due) return -1;
    if (b.due) return 1;
    return b.order.madeOn.localeCompare(a.order.madeOn);
  });
  return {
    pageTitle: 'Orders I hold',
    orders: rows.map((r) => r.row),
    overdueCount: rows.filter((r) => r.overdue).length,
  };
}

export interface OrderPageContext {
  person: SignedInPerson;
  now: Date;
  etag: string;
  agencyName: (agencyId: string) => string;
}

/** The order as its holder reads it: the court's order, requirements and sessions, compliance, enforcement, timeline. */
export function orderPage(order: OrderView, timeline: TimelineEntry[], ctx: OrderPageContext) {
  const requirements = (order.requirements ?? []) as OrderRequirement[];
  const requirementName = (id: unknown) => {
    const r = requirements.find((x) => x.requirementId === id);
    return r ? wordFor(REQUIREMENT_KINDS, r.kind) : 'Requirement';
  };
  const inForce = order.state === 'in-force';
  const isManager = ctx.person.roles.includes('manager');
  const children = namesOf(order.children);
  return {
    pageTitle: `Parenting order${children ? ` for ${children}` : ''}`,
    id: order.id,
    familyId: order.familyId,
    version: ctx.etag,
    inForce,
    state: wordFor(ORDER_STATES, order.state),
    summary: [
      row('Status', wordFor(ORDER_STATES, order.state)),
      row('Legal basis', LEGAL_BASES[order.legalBasis ?? '']?.title ?? order.legalBasis ?? ''),
      row('Applied for by', wordFor(APPLICANTS, order.applicant)),
      row(
        'Made by',
        `${order.courtName ?? ''} (${wordFor(COURT_KINDS, order.courtKind)}) on ${longDate(order.madeOn)}`,
      ),
      row('Appeal lies', wordFor(APPEAL_ROUTES, order.appealRoute)),
      row('Requirements end', longDate(order.requirementsEndOn)),
      row('Child', children),
      row('Parent', namesOf(order.parents)),
      row('Why the court made it', order.grounds ?? ''),
      row('Responsible officer', `${order.responsibleOfficer.name}, ${ctx.agencyName(order.holdingAgencyId)}`),
      row('Family reference', order.familyId),
    ],
    requirements: requirements.map((r) => ({
      id: r.requirementId,
      kind: wordFor(REQUIREMENT_KINDS, r.kind),
      description: r.description,
      dates: `${longDate(r.startsOn)} to ${longDate(r.endsOn)}`,
      setting: r.setting === 'residential' ? 'Residential' : r.kind === 'programme' ? 'Non-residential' : '',
      isProgramme: r.kind === 'programme',
      sessions: (r.sessions ?? []).map((s) => ({ id: s.id, when: sessionWhen(s.startsAt, s.endsAt) })),
    })),
    compliance: timeline
      .filter((e) => e.what === 'compliance-recorded')
      .map((e) => ({
        on: longDate(String(e.detail.occurredOn ?? '')),
        requirement: requirementName(e.detail.requirementId),
        outcome: wordFor(COMPLIANCE_OUTCOMES, String(e.detail.outcome ?? '')),
        breach: e.detail.outcome === 'failed-without-excuse',
        excuse: typeof e.detail.excuse === 'string' ? e.detail.excuse : '',
        by: e.actor.name ?? '',
      })),
    cases: (order.enforcement ?? []).map((c) => enforcementCase(order, c, ctx, isManager, requirementName)),
    timeline: timeline.map((e) => ({
      title: wordFor(TIMELINE_STEPS, e.what),
      by: e.actor.name ?? '',
      at: e.at,
      when: dateTime(e.at),
      text: timelineText(e),
    })),
  };
}

function enforcementCase(
  order: OrderView,
  c: EnforcementCase,
  ctx: OrderPageContext,
  isManager: boolean,
  requirementName: (id: unknown) => string,
) {
  const decidedBy = (c.decidedBy ?? null) as { personId?: string; name?: string } | null;
  const base = `/orders/${order.id}/enforcement/${c.id}`;
  const open = c.status !== 'closed';
  return {
    id: c.id,
    heading: `Apparent breach on ${longDate(c.breachOn)}: ${requirementName(c.requirementId)}`,
    status: wordFor(ENFORCEMENT_STATUSES, c.status),
    overdue: contactOverdue(c, ctx.now),
    rows: [
      row('Status', wordFor(ENFORCEMENT_STATUSES, c.status)),
      row('Contact the parent by', deadline(c.contactDueAt)),
      ...(c.recordedLate
        ? [row('Recorded late', `The breach was recorded on ${longDate(c.openedAt)}, after its contact deadline`)]
        : []),
      ...(c.contactedAt
        ? [
            row(
              'Parent contacted',
              `${dateTime(c.contactedAt)} (${wordFor(CONTACT_METHODS, c.contactMethod)})${c.contactNotes ? `: ${c.contactNotes}` : ''}`,
            ),
          ]
        : []),
      ...(c.decision
        ? [
            row(
              'Decision',
              `${wordFor(DECISIONS, c.decision)}${decidedBy?.name ? `, by ${decidedBy.name}` : ''}${c.decidedAt ? ` on ${longDate(c.decidedAt)}` : ''}${c.decidedWithoutContact ? ' (decided before contact with the parent)' : ''}`,
            ),
            row('Reasons', c.decisionReason ?? ''),
          ]
        : []),
      ...(c.approval
        ? [
            row(
              c.approval === 'approved' ? 'Approved' : 'Rejected',
              `${c.approvalReason ?? ''}${c.approvedAt ? ` (${longDate(c.approvedAt)})` : ''}`,
            ),
          ]
        : []),
    ],
    canContact: open && c.contactedAt === null && c.status !== 'awaiting-approval',
    canDecide: c.status === 'awaiting-contact' || c.status === 'awaiting-decision',
    // The two-person rule: never offered to the person who referred for prosecution.
    canApprove: c.status === 'awaiting-approval' && isManager && decidedBy?.personId !== ctx.person.personId,
    contactHref: `${base}/contact`,
    decideHref: `${base}/decision`,
    approveHref: `${base}/approval`,
  };
}

function timelineText(e: TimelineEntry): string {
  const d = e.detail;
  const parts: string[] = [];
  if (typeof d.occurredOn === 'string') parts.push(`On ${longDate(d.occurredOn)}`);
  if (typeof d.outcome === 'string') parts.push(wordFor(COMPLIANCE_OUTCOMES, d.outcome));
  if (typeof d.breachOn === 'string') parts.push(`Breach on ${longDate(d.breachOn)}`);
  if (typeof d.contactDueAt === 'string') parts.push(`contact due by ${deadline(d.contactDueAt)}`);
  if (typeof d.decision === 'string') parts.push(wordFor(DECISIONS, d.decision));
  if (typeof d.reason === 'string') parts.push(d.reason);
  if (typeof d.startsAt === 'string' && typeof d.endsAt === 'string') parts.push(sessionWhen(d.startsAt, d.endsAt));
  if (typeof d.method === 'string') parts.push(wordFor(CONTACT_METHODS, d.method));
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('. ');
}

function sessionWhen(startsAt: string, endsAt: string): string {
  const end = dateTime(endsAt).split(' at ')[1] ?? '';
  return `${dateTime(startsAt)} to ${end}`;
}

function row(key: string, value: string) {
  return { key: { text: key }, value: { text: value || 'Not recorded' } };
}
