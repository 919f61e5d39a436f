import { validateEvent, type CloudEvent, type EventDefinition } from '@baton/contracts';
import { typeWithoutVersion } from './consumer-naming.js';

/** What a consumer makes of a message before any handler runs. */
export type ReadEnvelope =
  | { kind: 'event'; event: CloudEvent }
  | { kind: 'skip'; reason: string }
  | {
      kind: 'poison';
      error: string;
      envelope: Record<string, unknown> | null;
      raw: string | null;
      eventId: string | null;
    };

/**
 * Reads a message for a consumer of `definition` (undefined: every event, or every event of `aggregate`).
 * Dead-letter copies and other versions of the handled type are skipped; anything unreadable or invalid is
 * poison, to be dead-lettered, never guessed at.
 */
export function readEnvelope(
  subject: string,
  text: string,
  definition: EventDefinition | undefined,
  aggregate?: string,
): ReadEnvelope {
  const tokens = subject.split('.');
  if (tokens[1]?.startsWith('_')) return { kind: 'skip', reason: 'a dead-letter copy, not an event' };
  // `<prefix>.<tenant>.agency.<agency>.>` carries the notifications service's minimised copies for one agency.
  if (tokens[2] === 'agency') return { kind: 'skip', reason: "an agency's copy of an event, not an event" };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { kind: 'poison', error: `not JSON: ${(e as Error).message}`, envelope: null, raw: text, eventId: null };
  }
  const envelope = isObject(raw) ? raw : null;
  const eventId = typeof envelope?.id === 'string' ? envelope.id : null;
  const type = envelope?.type;
  if (definition && typeof type === 'string' && type !== definition.type) {
    if (typeWithoutVersion(type) === typeWithoutVersion(definition.type)) {
      return { kind: 'skip', reason: `${type} is another version than the handled ${definition.type}` };
    }
    return poison(`type ${type} does not belong on a consumer of ${definition.type}`);
  }
  const checked = validateEvent(raw);
  if (!checked.ok) return poison(checked.errors.join('; '));
  if (aggregate !== undefined && checked.definition.aggregate !== aggregate) {
    return poison(`type ${checked.event.type} does not belong on a consumer of the ${aggregate} events`);
  }
  return { kind: 'event', event: checked.event };

  function poison(error: string): ReadEnvelope {
    return envelope
      ? { kind: 'poison', error, envelope, raw: null, eventId }
      : { kind: 'poison', error, envelope, raw: text, eventId };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
