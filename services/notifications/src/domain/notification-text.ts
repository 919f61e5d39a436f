import { valuesAt } from './field-projection.js';

/** How one event type reads to a person: a title safe for an e-mail subject, a sentence, and where to look. */
export interface NotificationTemplate {
  /** Never names a child, a carer, a concern or an offence: subjects show on lock screens and in mail logs. */
  title: string;
  /** May use `{agency}` (the recipient's agency) and `{due}` (a deadline in the view, when there is one). */
  sentence: string;
  /** The record's page under the public base URL; `{id}` is the event's subject (the aggregate id). */
  path: string;
}

export const NOTIFICATION_TEMPLATES: Readonly<Record<string, NotificationTemplate>> = {
  'baton.referral.received.v1': {
    title: 'New referral awaiting triage',
    sentence: 'A referral to {agency} awaits triage; the decision is due by {due}.',
    path: 'referrals/{id}',
  },
  'baton.referral.linked.v1': {
    title: 'A new referral joined an open referral',
    sentence: 'A new referral concerns children in a referral {agency} holds.',
    path: 'referrals/{id}',
  },
  'baton.referral.decided.v1': {
    title: 'Referral decision made',
    sentence: 'A referral {agency} is involved in has been decided.',
    path: 'referrals/{id}',
  },
  'baton.referral.decision-overdue.v1': {
    title: 'Referral decision overdue',
    sentence: 'A referral to {agency} passed its triage deadline ({due}) without a decision.',
    path: 'referrals/{id}',
  },
  'baton.referral.withdrawn.v1': {
    title: 'Referral withdrawn',
    sentence: 'A referral to {agency} was withdrawn before triage.',
    path: 'referrals/{id}',
  },
  'baton.plan.opened.v1': {
    title: 'Team Around the Family plan opened',
    sentence: 'A plan {agency} is a member of has opened, with a named lead professional.',
    path: 'plans/{id}',
  },
  'baton.plan.concern-joined.v1': {
    title: 'A new concern joined your plan',
    sentence: 'A referral about a child in a plan you lead has joined the plan.',
    path: 'plans/{id}',
  },
  'baton.plan.lead-changed.v1': {
    title: 'Lead professional changed',
    sentence: 'A plan {agency} is a member of has a new lead professional; their name and contact are in Baton.',
    path: 'plans/{id}',
  },
  'baton.plan.lead-handover-proposed.v1': {
    title: 'You are proposed as lead professional',
    sentence: 'You have been proposed as lead professional for a plan; please accept or decline.',
    path: 'plans/{id}',
  },
  'baton.plan.member-joined.v1': {
    title: 'Agency joined a plan',
    sentence: 'An agency joined a Team Around the Family plan.',
    path: 'plans/{id}',
  },
  'baton.plan.member-left.v1': {
    title: 'Agency left a plan',
    sentence: 'An agency left a plan you lead.',
    path: 'plans/{id}',
  },
  'baton.plan.action-added.v1': {
    title: 'New action for your agency',
    sentence: 'A plan action was added for {agency}, due by {due}.',
    path: 'plans/{id}',
  },
  'baton.plan.action-updated.v1': {
    title: 'A member agency updated an action',
    sentence: 'A member agency updated an action in a plan you lead.',
    path: 'plans/{id}',
  },
  'baton.plan.action-overdue.v1': {
    title: 'Plan action overdue',
    sentence: 'A plan action owned by {agency} passed its due date ({due}).',
    path: 'plans/{id}',
  },
  'baton.plan.review-overdue.v1': {
    title: 'Plan review overdue',
    sentence: 'A plan review was due by {due} and has not been recorded.',
    path: 'plans/{id}',
  },
  'baton.plan.stepped-up.v1': {
    title: "Family stepped up to children's social care",
    sentence: "A family on a plan {agency} is involved in was stepped up to children's social care.",
    path: 'plans/{id}',
  },
  'baton.plan.stepped-down.v1': {
    title: 'Family stepped down to universal services',
    sentence: 'A plan {agency} is a member of was stepped down.',
    path: 'plans/{id}',
  },
  'baton.plan.closed.v1': {
    title: 'Plan closed',
    sentence: 'A plan {agency} is a member of has closed.',
    path: 'plans/{id}',
  },
  'baton.plan.agreement-withdrawn.v1': {
    title: 'Family withdrew agreement to a plan',
    sentence: 'The family withdrew its agreement to a plan {agency} is a member of: share no new information.',
    path: 'plans/{id}',
  },
  'baton.order.enforcement-opened.v1': {
    title: 'Apparent breach of a parenting order',
    sentence: 'An apparent breach was recorded on an order {agency} holds: contact the parent by {due}.',
    path: 'orders/{id}',
  },
  'baton.order.contact-overdue.v1': {
    title: 'Parent contact overdue after a breach',
    sentence: 'The parent was not contacted by {due} after an apparent breach of an order {agency} holds.',
    path: 'orders/{id}',
  },
  'baton.order.enforcement-decided.v1': {
    title: 'Enforcement decision recorded',
    sentence: 'An enforcement decision was recorded on an order {agency} holds.',
    path: 'orders/{id}',
  },
  'baton.order.prosecution-approval-requested.v1': {
    title: 'Prosecution referral awaits your approval',
    sentence: 'A prosecution referral on an order {agency} holds awaits a second approver.',
    path: 'orders/{id}',
  },
  'baton.order.prosecution-approved.v1': {
    title: 'Prosecution referral approved',
    sentence: 'A prosecution referral on an order {agency} holds was approved and takes effect.',
    path: 'orders/{id}',
  },
  'baton.order.prosecution-rejected.v1': {
    title: 'Prosecution referral not approved',
    sentence: 'A prosecution referral on an order {agency} holds was not approved.',
    path: 'orders/{id}',
  },
  'baton.contract.breach-recorded.v1': {
    title: 'Parenting contract breach recorded',
    sentence: 'A breach was recorded on a parenting contract {agency} provides.',
    path: 'contracts/{id}',
  },
};

const FALLBACK: NotificationTemplate = {
  title: 'Update about a family you work with',
  sentence: 'There is an update for {agency}.',
  path: 'events/{event}',
};

/** Fields whose value may stand in for `{due}`, in order. */
const DEADLINE_FIELDS = ['decisionDueAt', 'contactDueAt', 'reviewDueDate', 'action.dueDate'];

export interface RenderedNotification {
  title: string;
  body: string;
  link: string;
  urgent: boolean;
}

/** The words a person sees for an event: their name, their agency's, a deadline and a link — no case detail. */
export function renderNotification(input: {
  eventType: string;
  eventId: string;
  aggregateId: string;
  urgent: boolean;
  recipientName: string;
  agencyName: string;
  view: Record<string, unknown>;
  baseUrl: string;
}): RenderedNotification {
  const template = NOTIFICATION_TEMPLATES[input.eventType] ?? FALLBACK;
  const due = DEADLINE_FIELDS.flatMap((f) => valuesAt(input.view, f)).find((v): v is string => typeof v === 'string');
  const sentence = template.sentence
    .replace('{agency}', input.agencyName)
    .replace('{due}', due === undefined ? 'the deadline' : deadlineInWords(due));
  const link = `${input.baseUrl.replace(/\/$/, '')}/${template.path
    .replace('{id}', encodeURIComponent(input.aggregateId))
    .replace('{event}', encodeURIComponent(input.eventId))}`;
  const title = input.urgent ? `Urgent: ${template.title}` : template.title;
  return {
    title,
    body: `Dear ${input.recipientName},\n\n${sentence}\n\nOpen it in Baton: ${link}\n`,
    link,
    urgent: input.urgent,
  };
}

/** The authority's time zone: every Baton tenant is an English local authority, on UK time. */
const AUTHORITY_ZONE = 'Europe/London';

const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: AUTHORITY_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: AUTHORITY_ZONE,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function dayInWords(date: Date): string {
  const parts = Object.fromEntries(DAY.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/**
 * A deadline as people at the authority read it, in its own time zone and words; the data keeps the exact
 * instant. A deadline at local midnight (the end of a working day, as `@baton/calendar` sets them) is "the end
 * of Friday 4 December 2026", not "Saturday … at 00:00"; a due date (a day) is the end of that day; any other
 * instant is "Friday 4 December 2026 at 2:30pm" (GOV.UK style).
 */
export function deadlineInWords(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T12:00:00Z`);
    return Number.isNaN(day.getTime()) ? value : `the end of ${dayInWords(day)}`;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const clock = Object.fromEntries(CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  const hour = Number(clock.hour);
  if (hour === 0 && clock.minute === '00' && instant.getUTCSeconds() === 0 && instant.getUTCMilliseconds() === 0) {
    return `the end of ${dayInWords(new Date(instant.getTime() - 1))}`;
  }
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${dayInWords(instant)} at ${twelve}:${clock.minute}${hour < 12 ? 'am' : 'pm'}`;
}
