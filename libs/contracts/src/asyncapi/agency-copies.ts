import type { EventDefinition } from '../event-definition.js';
import type { JsonSchema } from './json-schema.js';

/** The envelope of an agency's copy: the event's identity and trace, never who did it (no actor). */
export const AGENCY_COPY_ENVELOPE = 'AgencyCopyEnvelope';

const SUFFIX = 'Minimised';

/** The channel key of the agency copies of an event type. */
export function agencyChannelOf(d: EventDefinition): string {
  return `agency-copy.${d.type}`;
}

/** The message key of an agency's copy of an event type. */
export function agencyMessageOf(d: EventDefinition): string {
  return `${d.type}.agency-copy`;
}

/**
 * The copies the notifications service republishes for agencies that speak NATS: one channel per event type on
 * each agency's own tree, carrying the event with only the data the agency's routing rule allows (minimised).
 */
export function agencyCopyChannel(d: EventDefinition): object {
  return {
    address: `baton.{tenant}.agency.{agency}.${d.aggregate}.${d.name}`,
    title: `${d.type} (agency copy)`,
    summary: `${d.summary.replace(/\.$/, '')} — an agency's minimised copy`,
    description:
      'Republished by the notifications service for each agency the routing rules send this event to, on that ' +
      "agency's own subject tree. `data` holds only the fields the agency's relationship allows, so any field of " +
      "the event's payload may be absent; the envelope never names the actor. Stored in JetStream with " +
      '`Nats-Msg-Id` = the delivery id, so a redelivered copy is not stored twice.',
    parameters: {
      tenant: { $ref: '#/components/parameters/tenant' },
      agency: { $ref: '#/components/parameters/agency' },
    },
    messages: { [agencyMessageOf(d)]: { $ref: `#/components/messages/${agencyMessageOf(d)}` } },
    servers: [{ $ref: '#/servers/nats-agencies' }],
  };
}

export function agencyCopyOperation(d: EventDefinition): object {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${agencyChannelOf(d)}` },
    messages: [{ $ref: `#/channels/${agencyChannelOf(d)}/messages/${agencyMessageOf(d)}` }],
    summary: `Copy of ${d.type} for each agency it concerns`,
    description:
      "Published by the notifications service. An agency's system subscribes to " +
      '`baton.<tenant>.agency.<its agency>.>` (or one event type under it) with the credentials Baton issues it.',
    tags: [{ name: 'notifications' }],
  };
}

export function agencyCopyMessage(d: EventDefinition): object {
  return {
    name: agencyMessageOf(d),
    title: `${d.payload.name} (minimised)`,
    summary: `${d.summary.replace(/\.$/, '')} — as an agency receives it`,
    contentType: 'application/cloudevents+json',
    headers: {
      type: 'object',
      properties: {
        'Nats-Msg-Id': {
          type: 'string',
          format: 'uuid',
          description: 'The delivery id: JetStream deduplicates on it.',
        },
        'Baton-Delivery-Id': { type: 'string', format: 'uuid', description: 'The same delivery id, for the agency.' },
      },
    },
    payload: {
      allOf: [
        { $ref: `#/components/schemas/${AGENCY_COPY_ENVELOPE}` },
        {
          type: 'object',
          properties: {
            type: { const: d.type },
            data: { $ref: `#/components/schemas/${d.payload.name}${SUFFIX}` },
          },
        },
      ],
    },
    ...(d.urgent ? { tags: [{ name: 'urgent' }] } : {}),
  };
}

/**
 * The minimised variant of every schema: the same properties and types, none required (a copy keeps only what the
 * rule names), nested schemas referring to their own minimised variants. The envelope of a copy is added too.
 */
export function minimisedSchemas(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const variants = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [`${name}${SUFFIX}`, minimised(schema)]),
  );
  const envelope = schemas.CloudEvent;
  const { actor: _actor, actorrole: _actorrole, causationid: _causationid, ...kept } = envelope.properties ?? {};
  return {
    ...variants,
    [AGENCY_COPY_ENVELOPE]: {
      type: 'object',
      description:
        "The CloudEvents envelope of an agency's copy: as the event's, without actor, actorrole, causationid",
      properties: kept,
      required: (envelope.required ?? []).filter((p) => p in kept),
    },
  };
}

function minimised(schema: JsonSchema): JsonSchema {
  const { required: _required, not: _not, allOf: _allOf, ...rest } = schema;
  const out: JsonSchema = { ...rest };
  if (rest.$ref) out.$ref = `${rest.$ref}${SUFFIX}`;
  if (rest.items) out.items = minimised(rest.items);
  if (rest.properties) {
    out.properties = Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, minimised(v)]));
  }
  return out;
}
