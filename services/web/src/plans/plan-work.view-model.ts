import { formErrors } from '../errors/form-page.js';
import type { FormError } from '../errors/field-errors.js';
import { longDate } from '../layout/dates.js';
import { dateField, dateParts, text, todayInLondon, requiredText, type PlanForm } from './form-dates.js';
import { planFrame } from './plan.view-model.js';
import type { ActionUpdate, NewAction, OutcomeChange, Plan } from './taf.api.js';

export interface HeadlineOutcome {
  code: string;
  label: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

export const ACTION_STATUS_CHOICES = [
  { value: 'not-started', text: 'Not started' },
  { value: 'in-progress', text: 'In progress' },
  { value: 'done', text: 'Done', hint: 'The action is complete. It cannot be changed after this.' },
  { value: 'cancelled', text: 'Cancelled', hint: 'The action is no longer needed. It cannot be changed after this.' },
] as const;

export function outcomeFormPage(
  plan: Plan,
  etag: string,
  personId: string,
  headlines: HeadlineOutcome[],
  values: PlanForm,
  outcomeId?: string,
  errors?: FormError[],
) {
  return {
    ...planFrame(plan, '/outcomes', personId),
    pageTitle: outcomeId ? 'Change an outcome' : 'Add an outcome',
    action: outcomeId ? `/plans/${plan.id}/outcomes/${outcomeId}` : `/plans/${plan.id}/outcomes/new`,
    version: etag,
    values,
    headlines: [
      { value: '', text: 'Choose a headline outcome' },
      ...headlines.map((h) => ({ value: h.code, text: h.label, selected: text(values, 'headlineOutcome') === h.code })),
    ],
    ...formErrors(errors),
  };
}

/** The outcome's form as it first shows: empty for a new one, the outcome's own words to change one. */
export function outcomeValues(plan: Plan, outcomeId?: string): PlanForm {
  const outcome = plan.outcomes.find((o) => o.outcomeId === outcomeId);
  return outcome ? { headlineOutcome: outcome.headlineOutcome, description: outcome.description } : {};
}

export function parseOutcome(form: PlanForm, headlines: HeadlineOutcome[]): Parsed<Omit<OutcomeChange, 'outcomeId'>> {
  const errors: FormError[] = [];
  const headlineOutcome = text(form, 'headlineOutcome');
  if (!headlines.some((h) => h.code === headlineOutcome)) {
    errors.push({ field: 'headlineOutcome', text: 'Select the headline outcome this is about' });
  }
  const description = requiredText(
    form,
    'description',
    { missing: "Enter the outcome, in the family's words where you can", label: 'the outcome' },
    1000,
  );
  if (description.error) errors.push(description.error);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { headlineOutcome, description: description.value } };
}

/** The whole list taf agrees at once: every outcome kept by its id, with the one changed or added. */
export function outcomesWith(plan: Plan, change: OutcomeChange): OutcomeChange[] {
  const kept = plan.outcomes.map((o) =>
    o.outcomeId === change.outcomeId
      ? { outcomeId: o.outcomeId, headlineOutcome: change.headlineOutcome, description: change.description }
      : { outcomeId: o.outcomeId, headlineOutcome: o.headlineOutcome, description: o.description },
  );
  return change.outcomeId ? kept : [...kept, change];
}

export function actionFormPage(plan: Plan, etag: string, personId: string, values: PlanForm, errors?: FormError[]) {
  return {
    ...planFrame(plan, '/outcomes', personId),
    pageTitle: 'Add an action',
    version: etag,
    values,
    outcomes: [
      { value: '', text: 'Choose an outcome' },
      ...plan.outcomes.map((o) => ({
        value: o.outcomeId,
        text: o.description,
        selected: text(values, 'outcomeId') === o.outcomeId,
      })),
    ],
    agencies: [
      { value: '', text: 'Choose an agency in the team' },
      ...plan.members.map((m) => ({
        value: m.agencyId,
        text: m.agencyName,
        selected: text(values, 'ownerAgencyId') === m.agencyId,
      })),
    ],
    ...formErrors(errors),
  };
}

export function parseNewAction(form: PlanForm, plan: Plan, now: Date): Parsed<NewAction> {
  const errors: FormError[] = [];
  const outcomeId = text(form, 'outcomeId');
  if (!plan.outcomes.some((o) => o.outcomeId === outcomeId)) {
    errors.push({ field: 'outcomeId', text: 'Select the outcome this action works towards' });
  }
  const description = requiredText(
    form,
    'description',
    { missing: 'Enter what will be done', label: 'what will be done' },
    1000,
  );
  if (description.error) errors.push(description.error);
  const ownerAgencyId = text(form, 'ownerAgencyId');
  if (!plan.members.some((m) => m.agencyId === ownerAgencyId)) {
    errors.push({ field: 'ownerAgencyId', text: 'Select the agency that will do it' });
  }
  const ownerName = text(form, 'ownerName');
  if (ownerName.length > 200) errors.push({ field: 'ownerName', text: 'The name must be 200 characters or fewer' });
  const due = dueDate(form, now, true);
  if (due.error) errors.push(due.error);
  if (errors.length > 0 || !due.date) return { ok: false, errors };
  return {
    ok: true,
    value: {
      outcomeId,
      description: description.value,
      ownerAgencyId,
      ...(ownerName ? { ownerName } : {}),
      dueDate: due.date,
    },
  };
}

export function actionUpdatePage(
  plan: Plan,
  etag: string,
  personId: string,
  actionId: string,
  agencyName: (id: string) => string,
  values: PlanForm,
  errors?: FormError[],
) {
  const action = plan.actions.find((a) => a.actionId === actionId)!;
  const status = text(values, 'status') || action.status;
  return {
    ...planFrame(plan, '/outcomes', personId),
    pageTitle: 'Update an action',
    actionId,
    version: etag,
    action: {
      description: action.description,
      outcome: plan.outcomes.find((o) => o.outcomeId === action.outcomeId)?.description ?? '',
      owner: [action.ownerName, agencyName(action.ownerAgencyId)].filter(Boolean).join(', '),
      due: longDate(action.dueDate),
    },
    values,
    statuses: ACTION_STATUS_CHOICES.map((s) => ({
      value: s.value,
      text: s.text,
      ...('hint' in s ? { hint: { text: s.hint } } : {}),
      checked: status === s.value,
    })),
    ...formErrors(errors),
  };
}

/** The update form as it first shows: the action's status now, and its due date in the boxes. */
export function actionUpdateValues(action: Plan['actions'][number]): PlanForm {
  return { status: action.status, ...dateParts('dueDate', action.dueDate) };
}

export function parseActionUpdate(form: PlanForm, action: Plan['actions'][number], now: Date): Parsed<ActionUpdate> {
  const errors: FormError[] = [];
  const status = ACTION_STATUS_CHOICES.find((s) => s.value === text(form, 'status'))?.value;
  if (!status) {
    errors.push({ field: 'status', text: 'Select where the action has got to' });
  }
  const due = dueDate(form, now, false);
  if (due.error) errors.push(due.error);
  const note = text(form, 'note');
  if (note.length > 2000) errors.push({ field: 'note', text: 'The note must be 2000 characters or fewer' });
  if (errors.length > 0) return { ok: false, errors };
  const update: ActionUpdate = {
    ...(status !== action.status ? { status } : {}),
    ...(due.date && due.date !== action.dueDate ? { dueDate: due.date } : {}),
    ...(note ? { note } : {}),
  };
  if (update.status === undefined && update.dueDate === undefined) {
    return { ok: false, errors: [{ field: 'status', text: 'Change the status or the due date, or go back' }] };
  }
  return { ok: true, value: update };
}

/** What the flash says once an update is saved, in the words of the status chosen. */
export function actionUpdatedMessage(action: Plan['actions'][number], update: ActionUpdate): string {
  if (update.status === 'done') return `"${action.description}" is done`;
  const status = ACTION_STATUS_CHOICES.find((s) => s.value === update.status)?.text.toLowerCase();
  return status
    ? `"${action.description}" is now ${status}`
    : `"${action.description}" is now due ${longDate(update.dueDate)}`;
}

function dueDate(form: PlanForm, now: Date, required: boolean): { date?: string; error?: FormError } {
  const due = dateField(form, 'dueDate', 'the date it is due', { required });
  if (due.date && due.date < todayInLondon(now)) {
    return { error: { field: 'dueDate-day', text: 'The due date must be today or in the future' } };
  }
  return due;
}
