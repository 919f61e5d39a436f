import type { FieldError, ProblemDetails } from '@baton/http-api';

/** One message on a form: the error summary links to the field, the field shows the same words. */
export interface FormError {
  /** The form field's id (the summary links to `#id`). */
  field: string;
  text: string;
}

/** Where an API field is on the page and what the page calls it ("date of birth"), in lower case. */
export interface FormField {
  id: string;
  label: string;
}

/** Rule names the services use, as sentences a person reads. `{label}` is the field's name on the page. */
const RULE_SENTENCES: Record<string, string> = {
  isNotFuture: '{Label} must be today or in the past',
  isNotPast: '{Label} must be today or in the future',
  isCalendarDate: '{Label} must be a real date',
  isNotEmpty: 'Enter {label}',
  isDefined: 'Enter {label}',
  required: 'Enter {label}',
  isString: 'Enter {label}',
  isIn: 'Select {label}',
  isInt: 'Select {label}',
  min: 'Select {label}',
  max: 'Select {label}',
  isBoolean: 'Select {label}',
  arrayMinSize: 'Select at least one {label}',
  maxLength: '{Label} is too long',
  isEmail: 'Enter {label} in the correct format, like name@example.com',
  matches: 'Enter {label} in the correct format, like 01632 960 001',
  isNhsNumber: '{Label} must be a 10-digit NHS number',
  oneOfDateOfBirthOrExpected: 'Enter a date of birth, or a due date for an unborn child, not both',
  sourceCodeMatchesSource: '{Label} does not fit who is referring',
  isWorkingDay: '{Label} must be a working day',
  withinReviewCadence: "{Label} must be within the authority's review cadence",
  isKnownAgency: 'Select {label} from the list',
  notInOpenPlan: 'This child is already in an open plan',
};

/**
 * Turns a service's problem into messages on the form's own fields. A field the page does not show
 * goes to the summary alone, in the service's words, so nothing the service said is lost.
 */
export function formErrorsFrom(problem: ProblemDetails, fields: Record<string, FormField>): FormError[] {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return [{ field: '', text: problem.detail ?? problem.title }];
  return errors.map((error) => {
    const field = fieldFor(error, fields);
    return field
      ? { field: field.id, text: sentence(error.rule, field.label) ?? error.message }
      : { field: '', text: error.message };
  });
}

/** The sentence for a rule on a field, or undefined when the rule has none (the service's message is used). */
export function sentence(rule: string, label: string): string | undefined {
  const template = RULE_SENTENCES[rule];
  if (!template) return undefined;
  return template.replace('{label}', label).replace('{Label}', label.charAt(0).toUpperCase() + label.slice(1));
}

function fieldFor(error: FieldError, fields: Record<string, FormField>): FormField | undefined {
  if (fields[error.field]) return fields[error.field];
  // family.children[0].dateOfBirth is matched by family.children[].dateOfBirth
  return fields[error.field.replace(/\[\d+\]/g, '[]')];
}

/** The messages keyed by field id, for the inline error on each field. */
export function byField(errors: FormError[]): Record<string, string> {
  return Object.fromEntries(errors.filter((e) => e.field !== '').map((e) => [e.field, e.text]));
}
