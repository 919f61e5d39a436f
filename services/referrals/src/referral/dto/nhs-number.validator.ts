import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidNhsNumber } from '../../domain/nhs-number.js';

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
