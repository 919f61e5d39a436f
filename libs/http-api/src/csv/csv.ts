import { stringify } from 'csv-stringify/sync';

// What a spreadsheet reads as the start of a formula (OWASP CSV injection), full-width forms included.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// A string that is exactly a decimal number and reads back the same (so `-3` is a number, `007` stays text).
const DECIMAL = /^-?\d+(\.\d+)?$/;

function asCell(value: unknown): unknown {
  if (typeof value === 'string' && DECIMAL.test(value) && String(Number(value)) === value) return Number(value);
  return value;
}

/**
 * The one CSV writer of every Baton report and export (csv-stringify): a header row of `columns`, RFC 4180
 * quoting, CRLF line ends. A text value a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab
 * or carriage return) is written as text: prefixed with `'` and quoted, as OWASP advises. Numbers stay
 * numbers, `-3` included, whether they arrive as numbers or as strings of digits (Postgres counts); `true` and
 * `false` are written as words, dates as ISO 8601, absent values as empty fields, objects as JSON.
 */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => asCell((row as Record<string, unknown>)[column]))),
    {
      header: true,
      columns: [...columns],
      record_delimiter: 'windows',
      // Any line break, not only CRLF, so a reader that splits rows on LF still sees one field.
      quoted_match: /[\r\n]/,
      escape_formulas: true,
      cast: {
        boolean: (value) => String(value),
        date: (value) => value.toISOString(),
        string: (value) => (FORMULA_START.test(value) ? { value, quoted: true } : value),
      },
    },
  );
}

/** Flattens nested objects into `a.b` columns, so a JSON report can be read as CSV rows of figures. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      Object.assign(out, flatten(v as Record<string, unknown>, name));
    } else out[name] = v;
  }
  return out;
}
