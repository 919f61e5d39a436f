import { buildMessage, isISO8601, isRFC3339, ValidateBy, type ValidationOptions } from 'class-validator';

/** Validator names, also read by the JSON Schema converter to pick `format: date` / `date-time`. */
export const IS_CALENDAR_DATE = 'isCalendarDate';
export const IS_TIMESTAMP = 'isTimestamp';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date without time or zone, `YYYY-MM-DD`: dates of birth, expected dates of birth. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CALENDAR_DATE,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: buildMessage((each) => `${each}$property must be a valid ISO 8601 date string`, options),
      },
    },
    options,
  );
}

/** An instant as RFC 3339 with a zone offset (`2025-03-04T09:15:00Z`), so no reader has to guess the zone. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_TIMESTAMP,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRFC3339(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an RFC 3339 date-time with a zone offset`,
          options,
        ),
      },
    },
    options,
  );
}
