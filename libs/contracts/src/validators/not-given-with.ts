import { buildMessage, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Validator name, also read by the JSON Schema converter (it becomes `not: { required: [a, b] }`). */
export const IS_NOT_GIVEN_WITH = 'isNotGivenWith';

/** Refuses this property when `other` is also given: the two are alternatives. */
export function IsNotGivenWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NOT_GIVEN_WITH,
      constraints: [other],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value === undefined || (args?.object as Record<string, unknown> | undefined)?.[other] === undefined,
        defaultMessage: buildMessage(() => `$property must not be given together with ${other}`, options),
      },
    },
    options,
  );
}
