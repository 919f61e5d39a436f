import { getMetadataStorage } from 'class-validator';
import { IS_NOT_GIVEN_WITH } from '../validators/not-given-with.js';
import { IS_CALENDAR_DATE, IS_TIMESTAMP } from '../validators/time-formats.js';
import { declaredTypeOf, type ContractClass } from './class-transformer-types.js';

/** The part of JSON Schema (draft 7, as AsyncAPI uses) the converter produces. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly unknown[];
  const?: unknown;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  not?: JsonSchema;
  allOf?: JsonSchema[];
  $ref?: string;
  description?: string;
}

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

type Constrain = (schema: JsonSchema, m: ValidationMetadata, nested: () => JsonSchema) => void;

/** How each validator used in the contracts reads as JSON Schema; an unmapped one is an error, not a guess. */
const CONSTRAINTS: Record<string, Constrain> = {
  isString: (s) => (s.type = 'string'),
  isNotEmpty: (s) => (s.minLength = 1),
  isUuid: (s) => Object.assign(s, { type: 'string', format: 'uuid' }),
  isIso8601: (s) => Object.assign(s, { type: 'string', format: 'date-time' }),
  isDateString: (s) => Object.assign(s, { type: 'string', format: 'date-time' }),
  isRFC3339: (s) => Object.assign(s, { type: 'string', format: 'date-time' }),
  [IS_TIMESTAMP]: (s) => Object.assign(s, { type: 'string', format: 'date-time' }),
  [IS_CALENDAR_DATE]: (s) => Object.assign(s, { type: 'string', format: 'date' }),
  isInt: (s) => (s.type = 'integer'),
  isNumber: (s) => (s.type = 'number'),
  min: (s, m) => (s.minimum = m.constraints[0] as number),
  max: (s, m) => (s.maximum = m.constraints[0] as number),
  isIn: (s, m) => (s.enum = [...(m.constraints[0] as unknown[])]),
  isEnum: (s, m) => (s.enum = [...(m.constraints[1] as unknown[])]),
  isBoolean: (s) => (s.type = 'boolean'),
  isObject: (s) => (s.type = 'object'),
  matches: (s, m) => Object.assign(s, { type: 'string', pattern: (m.constraints[0] as RegExp).source }),
  nestedValidation: (s, _m, nested) => Object.assign(s, nested()),
  // Class-level rules, applied by schemaOfClass.
  [IS_NOT_GIVEN_WITH]: () => undefined,
};

/** Constraints on the array itself rather than on its items. */
const ARRAY_CONSTRAINTS: Record<string, Constrain> = {
  isArray: (s) => (s.type = 'array'),
  arrayMinSize: (s, m) => (s.minItems = m.constraints[0] as number),
};

/** A `$ref` for a class; nested classes are collected into `#/components/schemas` under their names. */
export type RefFor = (cls: ContractClass) => string;

/** The JSON Schema of a class, from its class-validator (and class-transformer `@Type`) decorators. */
export function schemaOfClass(cls: ContractClass, refFor: RefFor): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const byProperty = getMetadataStorage().groupByPropertyName(metadata);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const exclusions: JsonSchema[] = [];
  for (const [property, rules] of Object.entries(byProperty)) {
    properties[property] = schemaOfProperty(cls, property, rules, refFor);
    if (!rules.some((m) => m.type === 'conditionalValidation')) required.push(property);
    for (const m of rules.filter((r) => r.name === IS_NOT_GIVEN_WITH)) {
      exclusions.push({ required: [property, m.constraints[0] as string] });
    }
  }
  const schema: JsonSchema = { type: 'object', properties, required };
  if (exclusions.length === 1) schema.not = exclusions[0];
  if (exclusions.length > 1) schema.allOf = exclusions.map((e) => ({ not: e }));
  return schema;
}

function schemaOfProperty(
  cls: ContractClass,
  property: string,
  rules: ValidationMetadata[],
  refFor: RefFor,
): JsonSchema {
  const nested = (): JsonSchema => {
    const type = declaredTypeOf(cls, property);
    if (type === undefined) throw new Error(`${cls.name}.${property}: @ValidateNested needs @Type(() => Class)`);
    return { $ref: refFor(type) };
  };
  const schema: JsonSchema = {};
  const items: JsonSchema = {};
  for (const m of rules) {
    if (m.type === 'conditionalValidation') continue;
    const arrayRule = ARRAY_CONSTRAINTS[m.name ?? ''];
    const key = m.type === 'nestedValidation' ? 'nestedValidation' : (m.name ?? '');
    const rule = arrayRule ?? CONSTRAINTS[key];
    if (rule === undefined) throw new Error(`${cls.name}.${property}: no JSON Schema mapping for validator '${key}'`);
    rule(m.each && arrayRule === undefined ? items : schema, m, nested);
  }
  if (schema.type === 'array') return { ...schema, items };
  if (Object.keys(items).length > 0) throw new Error(`${cls.name}.${property}: '{ each: true }' needs @IsArray()`);
  return schema;
}

/**
 * The JSON Schemas of contract classes and every class they nest, by class name, referring to one another as
 * `#/components/schemas/<Name>`: for an HTTP API that answers with the same shapes its events carry.
 */
export function componentSchemasOf(...classes: ContractClass[]): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const seen = new Map<string, ContractClass>();
  const refFor = (cls: ContractClass): string => {
    const known = seen.get(cls.name);
    if (known !== undefined && known !== cls) throw new Error(`Two contract classes are both named ${cls.name}`);
    if (known === undefined) {
      seen.set(cls.name, cls);
      schemas[cls.name] = schemaOfClass(cls, refFor);
    }
    return `#/components/schemas/${cls.name}`;
  };
  classes.forEach(refFor);
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withExclusionsDeclared(schema)]));
}

/** `not: { required: [a, b] }` names its properties too (as anything), so OpenAPI linters see them declared. */
function withExclusionsDeclared(schema: JsonSchema): JsonSchema {
  const declare = (s: JsonSchema): JsonSchema =>
    s.required ? { ...s, properties: Object.fromEntries(s.required.map((p) => [p, {}])) } : s;
  return {
    ...schema,
    ...(schema.not ? { not: declare(schema.not) } : {}),
    ...(schema.allOf ? { allOf: schema.allOf.map((a) => (a.not ? { not: declare(a.not) } : a)) } : {}),
  };
}
