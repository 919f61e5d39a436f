import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ProblemException, problemType, type FieldError } from '../problem/problem-details.js';

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's tree into one entry per field and rule, with a full path. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: rule === 'whitelistValidation' ? `${field} is not a recognised field` : message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

export function validationProblem(errors: FieldError[]): ProblemException {
  return new ProblemException({
    type: problemType('validation'),
    title: 'The request is not valid',
    status: 400,
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}

/**
 * Validates parameters declared with a DTO class. A parameter typed with a generic or type-only class such as
 * `@Payload() event: CloudEvent<T>` has no DTO: tsc records its design type as `Function` (ts-jest as `Object`,
 * which Nest already skips), so without this an event handler would pass its tests and refuse every event in
 * a build. Events are checked against the catalogue by the messaging transport instead.
 */
class DtoValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return metadata.metatype !== Function && super.toValidate(metadata);
  }
}

/** Global validation: unknown fields are errors, not silently dropped; payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(fieldErrors(errors)),
  });
}
