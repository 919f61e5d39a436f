import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { longDate } from '../layout/dates.js';
import { dateField, dateParts, requiredText, text, todayInLondon, type PlanForm } from './form-dates.js';
import { CLOSURE_REASON_WORDS, familyNameOf, planFrame } from './plan.view-model.js';
import type { ClosureKind } from './plan-permissions.js';
import type { ClosureChange, Plan } from './taf.api.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

/** Reasons a lead closes with here; stepping up and down close through their own pages, which tell the right people. */
export const CLOSE_REASON_CHOICES = (
  ['needs-met', 'moved-to-another-authority', 'family-withdrew-agreement', 'other'] as const
).map((value) => ({
  value,
  text: CLOSURE_REASON_WORDS[value]!.charAt(0).toUpperCase() + CLOSURE_REASON_WORDS[value]!.slice(1),
}));

interface ClosureWords {
  title: string;
  heading: string;
  /** What will happen and to whom, in the order it happens. */
  consequences: string[];
  confirm: string;
}

/**
 * What each change does, said plainly before the lead commits to it. `socialCare` is the authority's
 * children's social care agency (where a step-up goes).
 */
export function closureWords(kind: ClosureKind, plan: Plan, socialCare: string): ClosureWords {
  const team = plan.members.filter((m) => m.agencyId !== plan.lead.professional.agencyId).map((m) => m.agencyName);
  const teamTold =
    team.length > 0
      ? `Every agency in the team is told: ${team.join(', ')}.`
      : 'No other agency is in the team to be told.';
  const family = familyNameOf(plan);
  switch (kind) {
    case 'step-up':
      return {
        title: "Step up to children's social care",
        heading: `Step ${family} up to children's social care?`,
        consequences: [
          `${socialCare} is told at once, as urgent, with your reason and the whole plan.`,
          `${teamTold.replace('is told:', 'is told, as urgent:')}`,
          'The plan closes. Nobody can add to it or change it after this.',
          'If a child is in immediate danger, call the police on 999 first.',
        ],
        confirm: "Step up to children's social care",
      };
    case 'step-down':
      return {
        title: 'Step down to universal services',
        heading: `Step ${family} down to universal services?`,
        consequences: [
          'The family no longer has a Team Around the Family. Schools, health visiting and others carry on as usual.',
          teamTold,
          'The plan closes. Nobody can add to it or change it after this.',
        ],
        confirm: 'Step down and close the plan',
      };
    case 'close':
      return {
        title: 'Close the plan',
        heading: `Close the plan for ${family}?`,
        consequences: [
          teamTold,
          'The plan closes with the reason you give. Nobody can add to it or change it after this.',
          "To step up to children's social care or down to universal services, use those pages instead: they tell the right people.",
        ],
        confirm: 'Close the plan',
      };
    case 'withdraw-agreement':
      return {
        title: 'Record that the family withdrew its agreement',
        heading: `Has ${family} withdrawn its agreement?`,
        consequences: [
          'From now on no new information about the family is shared with the team.',
          teamTold.replace('is told:', 'is told to stop sharing:'),
          'The plan stays open, but outcomes, actions, reviews and the team cannot change. You can still step up or close it.',
        ],
        confirm: 'Record the withdrawal',
      };
  }
}

/** What the flash says once the change is made. */
export function closureDone(kind: ClosureKind, socialCare: string): string {
  return {
    'step-up': `Stepped up to ${socialCare}. They have been told as urgent, and the plan is closed.`,
    'step-down': 'Stepped down to universal services. The plan is closed and the team has been told.',
    close: 'The plan is closed. The team has been told.',
    'withdraw-agreement': 'The withdrawal is recorded. The team has been told to stop sharing.',
  }[kind];
}

export function closureFormPage(
  kind: ClosureKind,
  plan: Plan,
  personId: string,
  socialCare: string,
  form: PlanForm,
  errors?: FormError[],
) {
  return {
    ...planFrame(plan, '', personId),
    ...closureWords(kind, plan, socialCare),
    pageTitle: closureWords(kind, plan, socialCare).heading,
    kind,
    values: form,
    reasons: CLOSE_REASON_CHOICES.map((c) => ({ ...c, checked: text(form, 'reason') === c.value })),
    ...formErrors(errors),
  };
}

/** The form as it first shows: a withdrawal is most often recorded on the day it is heard. */
export function closureValues(kind: ClosureKind, now: Date): PlanForm {
  return kind === 'withdraw-agreement' ? dateParts('withdrawnOn', todayInLondon(now)) : {};
}

export function parseClosure(kind: ClosureKind, form: PlanForm, plan: Plan, now: Date): Parsed<ClosureChange> {
  const errors: FormError[] = [];
  if (kind === 'close') {
    const reason = CLOSE_REASON_CHOICES.find((c) => c.value === text(form, 'reason'))?.value;
    const reasonText = text(form, 'reasonText');
    if (!reason) errors.push({ field: 'reason', text: 'Select why the plan is closing' });
    else if (reason === 'other' && !reasonText)
      errors.push({ field: 'reasonText', text: 'Enter why the plan is closing' });
    if (reasonText.length > 2000)
      errors.push({ field: 'reasonText', text: 'The reason must be 2000 characters or fewer' });
    if (errors.length > 0 || !reason) return { ok: false, errors };
    return { ok: true, value: { kind, reason, ...(reasonText ? { reasonText } : {}) } };
  }
  const missing = {
    'step-up': "Enter why the family is being stepped up, so children's social care knows the risk",
    'step-down': 'Enter why the family no longer needs a Team Around the Family',
    'withdraw-agreement': 'Enter what the family said when it withdrew its agreement',
  }[kind];
  const reason = requiredText(
    form,
    'reason',
    { missing, label: 'the reason' },
    kind === 'withdraw-agreement' ? 2000 : 4000,
  );
  if (reason.error) errors.push(reason.error);
  if (kind !== 'withdraw-agreement') {
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, value: { kind, reason: reason.value } };
  }
  const withdrawn = dateField(form, 'withdrawnOn', 'the date the family withdrew its agreement', { required: true });
  if (withdrawn.error) errors.push(withdrawn.error);
  else if (withdrawn.date! > todayInLondon(now)) {
    errors.push({
      field: 'withdrawnOn-day',
      text: 'The date the family withdrew its agreement must be today or in the past',
    });
  } else if (withdrawn.date! < plan.openedAt.slice(0, 10)) {
    errors.push({
      field: 'withdrawnOn-day',
      text: `The date must be on or after the day the plan opened, ${longDate(plan.openedAt)}`,
    });
  }
  if (errors.length > 0 || !withdrawn.date) return { ok: false, errors };
  const noon = new Date(`${withdrawn.date}T12:00:00Z`);
  return { ok: true, value: { kind, reason: reason.value, withdrawnAt: (noon > now ? now : noon).toISOString() } };
}

/** Check and confirm: the change in the lead's own words, with what it will do, and the one button that does it. */
export function checkClosurePage(change: ClosureChange, plan: Plan, personId: string, socialCare: string) {
  const words = closureWords(change.kind, plan, socialCare);
  const rows = [
    { key: { text: 'What you are doing' }, value: { text: words.title } },
    ...(change.kind === 'close'
      ? [
          {
            key: { text: 'Reason' },
            value: { text: change.reasonText ?? CLOSURE_REASON_WORDS[change.reason] ?? change.reason },
          },
        ]
      : [{ key: { text: 'Reason' }, value: { text: change.reason } }]),
    ...(change.kind === 'withdraw-agreement'
      ? [{ key: { text: 'Withdrawn on' }, value: { text: longDate(change.withdrawnAt) } }]
      : []),
    ...(change.kind === 'step-up' ? [{ key: { text: 'Told as urgent' }, value: { text: socialCare } }] : []),
  ].map((row) => ({
    ...row,
    actions: {
      items: [
        { href: `/plans/${plan.id}/${change.kind}`, text: 'Change', visuallyHiddenText: row.key.text.toLowerCase() },
      ],
    },
  }));
  return {
    ...planFrame(plan, '', personId),
    pageTitle: 'Check and confirm',
    kind: change.kind,
    heading: words.heading,
    consequences: words.consequences,
    confirm: words.confirm,
    rows,
  };
}
