import { TZDate } from '@date-fns/tz';
import type { FormError } from '../errors/field-errors.js';
import { formErrors } from '../errors/form-page.js';
import { dateField, text, timeOfDay, type Form } from './form-values.js';
import { namesOf } from './order.view-model.js';
import { COMPLIANCE_OUTCOMES, CONTACT_METHODS, DECISIONS, REQUIREMENT_KINDS, wordFor } from './order-words.js';
import type {
  DecideBreach,
  EnforcementCase,
  OrderRequirement,
  OrderView,
  RecordCompliance,
  RecordContact,
} from './parenting.api.js';
import { longDate } from '../layout/dates.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

const LONDON = 'Europe/London';

/** A date and a time of day in UK time as an instant. */
function instant(date: string, time: { hours: number; minutes: number }): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, time.hours, time.minutes, LONDON).getTime()).toISOString();
}

function timeField(form: Form, name: string, label: string, errors: FormError[]) {
  const value = text(form, name);
  if (!value) {
    errors.push({ field: name, text: `Enter ${label}` });
    return undefined;
  }
  const time = timeOfDay(value);
  if (!time) errors.push({ field: name, text: `Enter ${label} like 5pm or 17:00` });
  return time;
}

function values(form: Form) {
  return Object.fromEntries(Object.keys(form).map((k) => [k, text(form, k)]));
}

function heading(order: OrderView) {
  const children = namesOf(order.children);
  return children ? `Parenting order for ${children}` : 'Parenting order';
}

function programmes(order: OrderView): OrderRequirement[] {
  return ((order.requirements ?? []) as OrderRequirement[]).filter((r) => r.kind === 'programme');
}

// ----- schedule a programme session -----

export function sessionPage(order: OrderView, form: Form, errors: FormError[] = []) {
  const programme = programmes(order)[0];
  return {
    pageTitle: `${errors.length ? 'Error: ' : ''}Schedule a programme session`,
    caption: heading(order),
    orderId: order.id,
    programme: programme
      ? `${programme.description} (${longDate(programme.startsOn)} to ${longDate(programme.endsOn)})`
      : '',
    requirementId: programme?.requirementId ?? '',
    values: values(form),
    ...formErrors(errors),
  };
}

export function parseSession(form: Form): Parsed<{ requirementId: string; startsAt: string; endsAt: string }> {
  const errors: FormError[] = [];
  const requirementId = text(form, 'requirementId');
  if (!requirementId)
    errors.push({ field: '', text: 'This order has no parenting programme to schedule a session for' });
  const day = dateField(form, 'sessionOn', 'the date of the session', errors);
  const starts = timeField(form, 'startTime', 'the time it starts', errors);
  const ends = timeField(form, 'endTime', 'the time it ends', errors);
  if (starts && ends && ends.hours * 60 + ends.minutes <= starts.hours * 60 + starts.minutes) {
    errors.push({ field: 'endTime', text: 'The time it ends must be after the time it starts' });
  }
  if (errors.length > 0 || !day || !starts || !ends) return { ok: false, errors };
  return { ok: true, value: { requirementId, startsAt: instant(day, starts), endsAt: instant(day, ends) } };
}

// ----- record compliance -----

export function compliancePage(order: OrderView, form: Form, errors: FormError[] = []) {
  const requirements = (order.requirements ?? []) as OrderRequirement[];
  const chosen = text(form, 'requirementId');
  const sessions = requirements.flatMap((r) =>
    (r.sessions ?? []).map((s) => ({
      value: s.id,
      text: `${longDate(s.startsAt)} (${r.description})`,
      selected: text(form, 'sessionId') === s.id,
    })),
  );
  return {
    pageTitle: `${errors.length ? 'Error: ' : ''}Record compliance`,
    caption: heading(order),
    orderId: order.id,
    requirements: requirements.map((r) => ({
      value: r.requirementId,
      text: `${wordFor(REQUIREMENT_KINDS, r.kind)}: ${r.description}`,
      checked: chosen === r.requirementId || requirements.length === 1,
    })),
    sessions: [{ value: '', text: 'Not a programme session' }, ...sessions],
    outcomes: Object.entries(COMPLIANCE_OUTCOMES).map(([value, words]) => ({
      value,
      text: words,
      checked: text(form, 'outcome') === value,
    })),
    values: values(form),
    ...formErrors(errors),
  };
}

export function parseCompliance(form: Form): Parsed<RecordCompliance> {
  const errors: FormError[] = [];
  const requirementId = text(form, 'requirementId');
  if (!requirementId) errors.push({ field: 'requirementId', text: 'Select the requirement' });
  const occurredOn = dateField(form, 'occurredOn', 'the date it happened', errors);
  const outcome = text(form, 'outcome');
  if (!(outcome in COMPLIANCE_OUTCOMES)) errors.push({ field: 'outcome', text: 'Select what happened' });
  const excuse = text(form, 'excuse');
  if (outcome === 'failed-reasonable-excuse' && !excuse) {
    errors.push({ field: 'excuse', text: 'Enter the reasonable excuse the parent gave' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const sessionId = text(form, 'sessionId');
  const notes = text(form, 'notes');
  return {
    ok: true,
    value: {
      requirementId,
      occurredOn: occurredOn!,
      outcome: outcome as RecordCompliance['outcome'],
      ...(sessionId ? { sessionId } : {}),
      ...(outcome === 'failed-reasonable-excuse' ? { excuse } : {}),
      ...(notes ? { notes } : {}),
    },
  };
}

// ----- the enforcement case: contact, decision, approval -----

export function casePage(
  kind: 'contact' | 'decision' | 'approval',
  order: OrderView,
  c: EnforcementCase,
  form: Form,
  errors: FormError[] = [],
) {
  const titles = {
    contact: 'Record contact with the parent',
    decision: 'Decide on the breach',
    approval: 'Approve or reject the prosecution referral',
  };
  const decidedBy = (c.decidedBy ?? null) as { name?: string } | null;
  return {
    pageTitle: `${errors.length ? 'Error: ' : ''}${titles[kind]}`,
    caption: heading(order),
    orderId: order.id,
    caseId: c.id,
    version: text(form, 'version') || `"${c.version}"`,
    breach: `Apparent breach on ${longDate(c.breachOn)}`,
    contactDue: c.contactDueAt,
    decision: c.decision
      ? `${wordFor(DECISIONS, c.decision)}${decidedBy?.name ? `, decided by ${decidedBy.name}` : ''}`
      : '',
    decisionReason: c.decisionReason ?? '',
    notContacted: c.contactedAt === null,
    methods: Object.entries(CONTACT_METHODS).map(([value, words]) => ({
      value,
      text: words,
      checked: text(form, 'method') === value,
    })),
    decisions: Object.entries(DECISIONS).map(([value, words]) => ({
      value,
      text: words,
      checked: text(form, 'decision') === value,
    })),
    approvals: [
      { value: 'yes', text: 'Approve: refer for prosecution', checked: text(form, 'approve') === 'yes' },
      { value: 'no', text: 'Reject: the breach needs another decision', checked: text(form, 'approve') === 'no' },
    ],
    values: values(form),
    ...formErrors(errors),
  };
}

export function parseContact(form: Form): Parsed<RecordContact> {
  const errors: FormError[] = [];
  const day = dateField(form, 'contactedOn', 'the date of the contact', errors);
  const time = timeField(form, 'contactedTime', 'the time of the contact', errors);
  const method = text(form, 'method');
  if (!(method in CONTACT_METHODS)) errors.push({ field: 'method', text: 'Select how you contacted the parent' });
  if (errors.length > 0 || !day || !time) return { ok: false, errors };
  const notes = text(form, 'notes');
  return {
    ok: true,
    value: { contactedAt: instant(day, time), method: method as RecordContact['method'], ...(notes ? { notes } : {}) },
  };
}

export function parseDecision(form: Form): Parsed<DecideBreach> {
  const errors: FormError[] = [];
  const decision = text(form, 'decision');
  if (!(decision in DECISIONS)) errors.push({ field: 'decision', text: 'Select your decision' });
  const reason = text(form, 'reason');
  if (!reason) errors.push({ field: 'reason', text: 'Enter the reasons for your decision' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { decision: decision as DecideBreach['decision'], reason } };
}

export function parseApproval(form: Form): Parsed<{ approve: boolean; reason: string }> {
  const errors: FormError[] = [];
  const approve = text(form, 'approve');
  if (approve !== 'yes' && approve !== 'no') errors.push({ field: 'approve', text: 'Select approve or reject' });
  const reason = text(form, 'reason');
  if (!reason) errors.push({ field: 'reason', text: 'Enter the reasons' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { approve: approve === 'yes', reason } };
}
