import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * NHS number check digit (NHS Data Dictionary, "NHS NUMBER"): weights 10..2 over the first nine
 * digits, 11 − (sum mod 11); 11 becomes 0 and 10 means the number is invalid.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export function normaliseNhsNumber(value: string): string {
  return value.replace(/\s+/g, '');
}

/** A request field holding an NHS number: ten digits (spaces allowed) with a valid check digit. */
export function IsNhsNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNhsNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a 10-digit NHS number with a valid check digit', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidNhsNumber(value) },
    });
}
