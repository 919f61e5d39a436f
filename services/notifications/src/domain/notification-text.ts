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
};

const FALLBACK: NotificationTemplate = {
  title: 'Update about a family you work with',
  sentence: 'There is an update for {agency}.',
  path: 'events/{event}',
};

/** Fields whose value may stand in for `{due}`, in order. */
const DEADLINE_FIELDS = ['decisionDueAt', 'dueDate', 'dueAt', 'contactDueBy', 'contactDueAt'];

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
  const due = DEADLINE_FIELDS.map((f) => input.view[f]).find((v): v is string => typeof v === 'string');
  const sentence = template.sentence
    .replace('{agency}', input.agencyName)
    .replace('{due}', due === undefined ? 'the deadline' : londonTime(due));
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

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `Tuesday 24 November 2026 at 00:00`: deadlines as people in England read them. */
function londonTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(LONDON.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}
