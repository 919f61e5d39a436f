import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { definitionOf } from '../catalogue.js';
import type { EventDefinition } from '../event-definition.js';
import { CloudEvent } from './cloud-event.js';

export type EventValidation =
  { ok: true; event: CloudEvent<object>; definition: EventDefinition } | { ok: false; errors: string[] };

/**
 * Checks an incoming event: a valid envelope, a type in the catalogue, and `data` valid against that
 * type's payload class. Fields a consumer does not know are kept (additive changes keep the version).
 * Each error names its path, e.g. `data.children[0].dateOfBirth: must be a valid ISO 8601 date string`.
 */
export function validateEvent(raw: unknown): EventValidation {
  if (!isPlainObject(raw)) return { ok: false, errors: ['event: must be a JSON object'] };
  // The envelope is checked without its data when the data is an object (its payload class checks it next): copying
  // the data into the envelope's instance too was a third of the cost of checking a record of access.
  const dataIsObject = isPlainObject(raw.data);
  const event = plainToInstance(CloudEvent, dataIsObject ? { ...raw, data: {} } : raw);
  const errors = describeErrors(validateSync(event), '');
  const definition = typeof raw.type === 'string' ? definitionOf(raw.type) : undefined;
  if (definition === undefined && typeof raw.type === 'string') {
    errors.push(`type: unknown event type '${raw.type}'`);
  }
  if (definition !== undefined && dataIsObject) {
    event.data = plainToInstance(definition.payload, raw.data);
    errors.push(...describeErrors(validateSync(event.data), 'data'));
  }
  if (errors.length > 0 || definition === undefined) return { ok: false, errors };
  return { ok: true, event, definition };
}

/**
 * Checks only the envelope of an event whose type the catalogue does not (yet) know, e.g. from a newer producer.
 * For consumers that must keep every well-formed event (the audit ledger); `data` must still be an object.
 */
export function validateUncataloguedEvent(
  raw: unknown,
): { ok: true; event: CloudEvent<object> } | { ok: false; errors: string[] } {
  if (!isPlainObject(raw)) return { ok: false, errors: ['event: must be a JSON object'] };
  const event = plainToInstance(CloudEvent, raw);
  const errors = describeErrors(validateSync(event), '');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, event };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeErrors(errors: ValidationError[], parent: string): string[] {
  return errors.flatMap((e) => {
    const path = pathOf(parent, e.property);
    const own = Object.values(e.constraints ?? {}).map((message) => `${path}: ${withoutProperty(message, e.property)}`);
    return [...own, ...describeErrors(e.children ?? [], path)];
  });
}

function pathOf(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/** class-validator starts its messages with the property name; the path already says it. */
function withoutProperty(message: string, property: string): string {
  if (message.startsWith(`${property} `)) return message.slice(property.length + 1);
  if (message.startsWith(`each value in ${property} `))
    return `each value ${message.slice(`each value in ${property} `.length)}`;
  return message;
}
