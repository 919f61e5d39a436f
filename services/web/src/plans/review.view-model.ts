import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { formErrors } from '../errors/form-page.js';
import type { FormError, FormField } from '../errors/field-errors.js';
import { dateTime, longDate } from '../layout/dates.js';
import { dateField, requiredText, text, todayInLondon, values, type PlanForm } from './form-dates.js';
import { planTakesChanges } from './plan-permissions.js';
import { dayAndDate, reviewSchedule } from './review-schedule.js';
import { familyNameOf, planFrame } from './plan.view-model.js';
import type { NewReview, Plan, Review } from './taf.api.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

/** Progress since the last review, from worse to achieved, in the words the team uses at the meeting. */
export const PROGRESS_CHOICES = [
  { value: 'worse', text: 'Worse', hint: 'Further from the outcome than at the last review' },
  { value: 'no-change', text: 'No change' },
  { value: 'some-progress', text: 'Some progress' },
  { value: 'good-progress', text: 'Good progress' },
  { value: 'achieved', text: 'Achieved', hint: 'The outcome is met' },
] as const;

export function reviewsPage(plan: Plan, reviews: Review[], personId: string, now: Date) {
  const frame = planFrame(plan, '/reviews', personId);
  const outcome = (id: string) =>
    plan.outcomes.find((o) => o.outcomeId === id)?.description ?? 'An outcome no longer in the plan';
  return {
    ...frame,
    pageTitle: `Reviews – ${familyNameOf(plan)}`,
    schedule: reviewSchedule(plan, now),
    mayRecord: frame.isLead && planTakesChanges(plan),
    reviews: [...reviews].reverse().map((r) => ({
      heldOn: longDate(r.heldOn),
      rows: [
        { key: 'Who was there', value: r.attendees.map((a) => `${a.name} (${a.role})`).join(', ') },
        ...r.progress.map((p) => ({
          key: outcome(p.outcomeId),
          value: [PROGRESS_CHOICES.find((c) => c.value === p.progress)?.text ?? p.progress, p.note]
            .filter(Boolean)
            .join(': '),
        })),
        { key: 'What was decided', value: r.decisions },
        { key: 'Next review set for', value: dayAndDate(r.nextReviewDate) },
        { key: 'Recorded by', value: `${r.recordedBy.name}, ${dateTime(r.recordedAt)}` },
      ].map((row) => ({ key: { text: row.key }, value: { text: row.value } })),
    })),
  };
}

/** Who may have been at the meeting: the lead and each member agency's contact, ticked on the form. */
export function teamAttendees(plan: Plan): NewReview['attendees'] {
  const lead = plan.lead.professional;
  return [
    { name: lead.name, role: 'lead professional', agencyId: lead.agencyId },
    ...plan.members
      .filter((m) => m.personId !== lead.personId)
      .map((m) => ({ name: m.contactName, role: `${m.role}, ${m.agencyName}`, agencyId: m.agencyId })),
  ];
}

export function reviewFormPage(
  plan: Plan,
  etag: string,
  personId: string,
  form: PlanForm,
  now: Date,
  errors?: FormError[],
) {
  const ticked = values(form, 'attendees');
  return {
    ...planFrame(plan, '/reviews', personId),
    pageTitle: 'Record a review',
    version: etag,
    values: form,
    cadence: `Leave empty to set it ${plan.reviewCadenceWeeks} weeks after the review, on a working day. It must be a working day no more than ${plan.reviewCadenceWeeks} weeks after the review.`,
    today: format(new TZDate(now, 'Europe/London'), 'd M yyyy'),
    attendees: teamAttendees(plan).map((a, i) => ({
      value: String(i),
      text: `${a.name}, ${a.role}`,
      checked: ticked.includes(String(i)),
    })),
    outcomes: plan.outcomes.map((o) => ({
      id: o.outcomeId,
      description: o.description,
      note: text(form, `note-${o.outcomeId}`),
      choices: PROGRESS_CHOICES.map((c) => ({
        value: c.value,
        text: c.text,
        ...('hint' in c ? { hint: { text: c.hint } } : {}),
        checked: text(form, `progress-${o.outcomeId}`) === c.value,
      })),
    })),
    ...formErrors(errors),
  };
}

/** Where taf's review rules land on the form, and what the page calls each field. */
export const REVIEW_FIELDS: Record<string, FormField> = {
  heldOn: { id: 'heldOn-day', label: 'the date of the review' },
  nextReviewDate: { id: 'nextReviewDate-day', label: 'the next review date' },
  decisions: { id: 'decisions', label: 'what was decided' },
  attendees: { id: 'attendees', label: 'who was at the review' },
};

/** Others at the meeting, one a line: "Jo Hollowmere, mother". */
function otherAttendees(lines: string): { attendees: NewReview['attendees']; error?: FormError } {
  const attendees: NewReview['attendees'] = [];
  for (const line of lines
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const comma = line.indexOf(',');
    const name = (comma < 0 ? line : line.slice(0, comma)).trim();
    const role = comma < 0 ? '' : line.slice(comma + 1).trim();
    if (!name || !role || name.length > 200 || role.length > 200) {
      return {
        attendees,
        error: {
          field: 'others',
          text: 'Enter each other person on their own line as name, comma, role, like Jo Hollowmere, mother',
        },
      };
    }
    attendees.push({ name, role });
  }
  return { attendees };
}

export function parseReview(form: PlanForm, plan: Plan, now: Date): Parsed<NewReview> {
  const errors: FormError[] = [];
  const heldOn = dateField(form, 'heldOn', 'the date of the review', { required: true });
  if (heldOn.error) errors.push(heldOn.error);
  else if (heldOn.date! > todayInLondon(now)) {
    errors.push({ field: 'heldOn-day', text: 'The date of the review must be today or in the past' });
  } else if (heldOn.date! < plan.openedAt.slice(0, 10)) {
    errors.push({
      field: 'heldOn-day',
      text: `The date of the review must be on or after the day the plan opened, ${longDate(plan.openedAt)}`,
    });
  }
  const team = teamAttendees(plan);
  const ticked = values(form, 'attendees')
    .map((i) => team[Number(i)])
    .filter((a): a is NewReview['attendees'][number] => a !== undefined);
  const others = otherAttendees(text(form, 'others'));
  if (others.error) errors.push(others.error);
  else if (ticked.length + others.attendees.length === 0) {
    errors.push({ field: 'attendees', text: 'Select who was at the review, or enter them under anyone else' });
  }
  const progress: NewReview['progress'] = [];
  for (const o of plan.outcomes) {
    const value = PROGRESS_CHOICES.find((c) => c.value === text(form, `progress-${o.outcomeId}`))?.value;
    const note = text(form, `note-${o.outcomeId}`);
    if (!value) {
      errors.push({ field: `progress-${o.outcomeId}`, text: `Select the progress towards "${o.description}"` });
    } else if (note.length > 2000) {
      errors.push({ field: `note-${o.outcomeId}`, text: 'The note on progress must be 2000 characters or fewer' });
    } else {
      progress.push({ outcomeId: o.outcomeId, progress: value, ...(note ? { note } : {}) });
    }
  }
  const decisions = requiredText(
    form,
    'decisions',
    { missing: 'Enter what was decided at the review', label: 'what was decided' },
    4000,
  );
  if (decisions.error) errors.push(decisions.error);
  const next = dateField(form, 'nextReviewDate', 'the next review date', { required: false });
  if (next.error) errors.push(next.error);
  else if (next.date && heldOn.date && next.date <= heldOn.date) {
    errors.push({ field: 'nextReviewDate-day', text: 'The next review date must be after the date of the review' });
  }
  if (errors.length > 0 || !heldOn.date) return { ok: false, errors };
  return {
    ok: true,
    value: {
      heldOn: heldOn.date,
      attendees: [...ticked, ...others.attendees],
      progress,
      decisions: decisions.value,
      ...(next.date ? { nextReviewDate: next.date } : {}),
    },
  };
}

/** After a review: when the next one is, in words, for the flash. */
export function reviewRecordedMessage(after: Pick<Plan, 'nextReviewDate'>): string {
  return after.nextReviewDate
    ? `Review recorded. The next review is on ${dayAndDate(after.nextReviewDate)}.`
    : 'Review recorded.';
}
