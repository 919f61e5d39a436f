import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
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

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const transformed: unknown = await super.transform(value, metadata);
    if (this.toValidate(metadata)) {
      const missing = missingNestedFields(transformed);
      if (missing.length > 0) throw validationProblem(missing);
    }
    return transformed;
  }
}

/**
 * class-validator skips `@ValidateNested()` when the property is absent, so `{}` passed a DTO whose nested
 * objects every handler then reads. A nested property is required unless marked `@IsOptional()`/`@ValidateIf()`;
 * this names each absent one (`isDefined`), at any depth.
 */
export function missingNestedFields(value: unknown, parent = ''): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => missingNestedFields(item, `${parent}[${i}]`));
  if (value === null || typeof value !== 'object' || value.constructor === Object) return [];
  const byProperty = new Map<string, string[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(value.constructor, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m.type]);
  }
  const record = value as Record<string, unknown>;
  return [...byProperty].flatMap(([property, types]) => {
    if (!types.includes(ValidationTypes.NESTED_VALIDATION)) return [];
    const field = childPath(parent, property);
    if (record[property] === undefined) {
      if (types.includes(ValidationTypes.CONDITIONAL_VALIDATION)) return [];
      return [{ field, rule: 'isDefined', message: `${field} is required` }];
    }
    return missingNestedFields(record[property], field);
  });
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
