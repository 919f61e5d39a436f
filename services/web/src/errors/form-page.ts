import { byField, type FormError } from './field-errors.js';

/** What every form page passes its template about errors: the summary's list and each field's own message. */
export interface FormErrors {
  errors: FormError[];
  errorSummaryList: { text: string; href?: string }[];
  fieldErrors: Record<string, { text: string }>;
}

export function formErrors(errors: FormError[] = []): FormErrors {
  return {
    errors,
    // A field is an id on this page (`#id`), or the path of the page that asks for it (from check answers).
    errorSummaryList: errors.map((e) =>
      e.field ? { text: e.text, href: e.field.startsWith('/') ? e.field : `#${e.field}` } : { text: e.text },
    ),
    fieldErrors: Object.fromEntries(Object.entries(byField(errors)).map(([field, text]) => [field, { text }])),
  };
}
