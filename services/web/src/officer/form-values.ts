import type { ProblemDetails } from '@baton/http-api';
import type { FormError } from '../errors/field-errors.js';
import { calendarDateFrom, longDate } from '../layout/dates.js';

/** A form as it was posted: every field a string (the same name twice keeps the last). */
export type Form = Record<string, string | string[] | undefined>;

export function text(form: Form, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).trim();
}

export function checked(form: Form, name: string, value: string): boolean {
  const v = form[name];
  return Array.isArray(v) ? v.includes(value) : v === value;
}

/** A GOV.UK date input (`<prefix>-day`, `-month`, `-year`) as a calendar date, or the sentence saying what is wrong. */
export function dateField(
  form: Form,
  prefix: string,
  label: string,
  errors: FormError[],
  optional = false,
): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `${prefix}-${part}`));
  const field = `${prefix}-day`;
  if (!day && !month && !year) {
    if (!optional) errors.push({ field, text: `Enter ${label}` });
    return undefined;
  }
  if (!day || !month || !year) {
    errors.push({ field, text: `${capitalise(label)} must include a day, month and year` });
    return undefined;
  }
  const date = calendarDateFrom(day, month, year);
  if (!date) errors.push({ field, text: `${capitalise(label)} must be a real date` });
  return date;
}

/** A calendar date as a date input's three values, for a form shown again. */
export function dateParts(prefix: string, date: string | undefined): Record<string, string> {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year!,
  };
}

/** A time of day as people type it ("17:00", "5pm", "5.30pm") as hours and minutes, or undefined. */
export function timeOfDay(value: string): { hours: number; minutes: number } | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    if (half === 'pm' && hours !== 12) hours += 12;
    if (half === 'am' && hours === 12) hours = 0;
  }
  if (hours > 23 || minutes > 59) return undefined;
  return { hours, minutes };
}

export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Where a field the service names is on this page, and how the page's sentence calls it. */
export interface PageField {
  id: string;
  label: string;
}

/**
 * The sentences for the statutory limits and the parenting service's other rules: each names the limit
 * and, where the service gives it, the last allowed date (`last day 2027-11-01` → "1 November 2027").
 */
const LIMIT_SENTENCES: Record<string, (label: string, date: string | undefined) => string> = {
  'CDA1998.s8(4).requirementsAtMost12Months': (label, date) =>
    `${capitalise(label)} must be on or before ${date ?? 'the last allowed day'}: the requirements of a parenting order can last at most 12 months from the day it was made`,
  'CDA1998.s8(4).programmeAtMost3Months': (label, date) =>
    `${capitalise(label)} must be on or before ${date ?? 'the last allowed day'}: a parenting programme can run for at most 3 months`,
  'CDA1998.s8(5).programmeOmittedOnlyAfterPreviousOrder': () =>
    'Enter the parenting programme: it can be left out only if the parent has had a parenting order before',
  'CDA1998.s8(7A).residentialNeedsCourtFindings': () =>
    "A residential programme needs both of the court's findings: select both findings, or choose a non-residential programme",
  'CDA1998.s8(4).sessionWithinProgramme': (label) => `${capitalise(label)} must fall within the programme's dates`,
  'CDA1998.s8(5).pre2004AtMostOneSessionAWeek': () =>
    'An order made before 2004 allows at most one programme session a week',
  startsOnOrAfterOrderMade: (label, date) =>
    `${capitalise(label)} must be on or after the day the order was made${date ? `, ${date}` : ''}`,
  endsOnOrAfterStart: (label) => `${capitalise(label)} must be on or after the day it starts`,
  withinOrderPeriod: (label, date) => `${capitalise(label)} must be on or before ${date ?? "the order's last day"}`,
  isNotFuture: (label) => `${capitalise(label)} must be today or in the past`,
  isNotEmpty: (label) => `Enter ${label}`,
  isIn: (label) => `Select ${label}`,
  'legalBasis.applicant': () => 'The applicant you chose cannot apply for an order on this legal basis',
  'legalBasis.holder': () => 'Your agency cannot hold an order made on this legal basis',
  'legalBasis.criminalCourt': () =>
    'An order on this legal basis is made by a criminal court: a youth court, a magistrates’ court or the Crown Court',
  oneProgramme: () => 'An order directs one parenting programme',
  onOrAfterDraft: (label, date) =>
    `${capitalise(label)} must be on or after ${date ?? 'the day the contract was drafted'}, the day the contract was drafted`,
  onOrAfterOffer: (label, date) =>
    `${capitalise(label)} must be on or after ${date ?? 'the day of the offer'}, the day the contract was offered`,
  signedAfterOffer: (label) => `${capitalise(label)} must be on or after the day the contract was offered`,
  withinContractPeriod: (label) => `${capitalise(label)} must fall within the contract's period`,
  periodRunItsCourse: (label, date) =>
    `${capitalise(label)} must be on or after ${date ?? 'the end of its period'}, when the contract's period ends. To end it sooner, end it early`,
};

/**
 * A service's problem as messages on the page's own fields (`requirements[0].endsOn` → the programme's end
 * date). A field the page does not show goes to the summary alone, in the service's words.
 */
export function pageErrors(problem: ProblemDetails, fields: Record<string, PageField>): FormError[] {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return [{ field: '', text: problem.detail ?? problem.title }];
  return errors.map((error) => {
    const field = fields[error.field];
    const isoDate = /(\d{4}-\d{2}-\d{2})/.exec(error.message)?.[1];
    const sentence = LIMIT_SENTENCES[error.rule]?.(field?.label ?? 'the date', isoDate ? longDate(isoDate) : undefined);
    return { field: field?.id ?? '', text: sentence ?? capitalise(error.message) };
  });
}
