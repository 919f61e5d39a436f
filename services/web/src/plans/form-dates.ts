import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { calendarDateFrom } from '../layout/dates.js';
import type { FormError } from '../errors/field-errors.js';

export type PlanForm = Record<string, string | string[] | undefined>;

/** One text value of a form (a field sent twice keeps its first value). */
export function text(form: PlanForm, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Every value a field sent (checkboxes send one per ticked box, or none). */
export function values(form: PlanForm, name: string): string[] {
  const value = form[name];
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Today's date where the authority works (Europe/London), as taf's rules count days. */
export function todayInLondon(now: Date): string {
  return format(new TZDate(now, 'Europe/London'), 'yyyy-MM-dd');
}

/**
 * A GOV.UK date input (`<prefix>-day`, `-month`, `-year`) read as a calendar date, or the message for it.
 * `label` is how the page names the date ("the due date"). Empty is `undefined` when the date is optional.
 */
export function dateField(
  form: PlanForm,
  prefix: string,
  label: string,
  options: { required: boolean },
): { date?: string; error?: FormError } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `${prefix}-${part}`));
  const field = `${prefix}-day`;
  if (!day && !month && !year) {
    return options.required ? { error: { field, text: `Enter ${label}` } } : {};
  }
  const date = calendarDateFrom(day!, month!, year!);
  if (!date) return { error: { field, text: `${capitalise(label)} must be a real date, like 27 3 2027` } };
  return { date };
}

/** A calendar date back into a date input's three boxes, to show a value already recorded. */
export function dateParts(prefix: string, date: string | undefined): Record<string, string> {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year!,
  };
}

export function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A required text of at most `max` characters, or its message. */
export function requiredText(
  form: PlanForm,
  field: string,
  messages: { missing: string; label: string },
  max: number,
): { value: string; error?: FormError } {
  const value = text(form, field);
  if (!value) return { value, error: { field, text: messages.missing } };
  if (value.length > max) {
    return { value, error: { field, text: `${capitalise(messages.label)} must be ${max} characters or fewer` } };
  }
  return { value };
}
