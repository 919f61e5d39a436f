import { catalogue } from '../catalogue.js';
import { CloudEvent } from '../envelope/cloud-event.js';
import type { EventDefinition } from '../event-definition.js';
import {
  agencyChannelOf,
  agencyCopyChannel,
  agencyCopyMessage,
  agencyCopyOperation,
  agencyMessageOf,
  minimisedSchemas,
} from './agency-copies.js';
import { schemaOfClass, type JsonSchema } from './json-schema.js';
import { EVERY_SERVICE, producerOf } from './producers.js';
import type { ContractClass } from './class-transformer-types.js';

/** The version of the event catalogue document; follows the package version. */
const DOCUMENT_VERSION = '0.1.0';

/** CloudEvents JSON structured mode: the whole envelope is the message body. */
const CLOUDEVENTS_JSON = 'application/cloudevents+json';

/** An AsyncAPI document as plain JSON. */
export interface AsyncApiDocument {
  asyncapi: string;
  [key: string]: unknown;
}

/** The AsyncAPI 3 document of every event in the catalogue and of the agencies' copies, from the payload classes. */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const schemas = collectSchemas(catalogue);
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Baton events',
      version: DOCUMENT_VERSION,
      description:
        'Events Baton services publish on NATS JetStream, as CloudEvents 1.0 in JSON structured mode. ' +
        'One stream captures `baton.>`; each message carries `Nats-Msg-Id` = event id for deduplication.',
    },
    defaultContentType: CLOUDEVENTS_JSON,
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'NATS with JetStream: the services publish and consume the domain events',
        security: [{ $ref: '#/components/securitySchemes/service' }],
      },
      'nats-agencies': {
        host: 'localhost:4222',
        protocol: 'nats',
        description:
          'The same NATS, as an agency system reaches it: its own user may subscribe to ' +
          '`baton.<tenant>.agency.<its agency>.>` (and its `_INBOX_<agency>.>` replies) and nothing else — no other ' +
          "agency's tree, no domain events, no JetStream API, no publishing (docker/nats/agency-permissions.conf)",
        security: [{ $ref: '#/components/securitySchemes/agency' }],
      },
    },
    channels: Object.fromEntries([
      ...catalogue.map((d) => [d.type, channelOf(d)]),
      ...catalogue.map((d) => [agencyChannelOf(d), agencyCopyChannel(d)]),
    ]),
    operations: Object.fromEntries([
      ...catalogue.map((d) => [operationIdOf(d), operationOf(d)]),
      ...catalogue.map((d) => [`send-agency-copy-${d.aggregate}-${d.name}-v${d.version}`, agencyCopyOperation(d)]),
    ]),
    components: {
      parameters: {
        tenant: {
          description: 'Local authority code (lower-case letters, digits and hyphens).',
          examples: ['islington'],
        },
        agency: {
          description: "The receiving agency's id in the tenant's configuration.",
          examples: ['demo-early-help-hub'],
        },
      },
      securitySchemes: {
        service: { type: 'userPassword', description: 'The Baton services’ own NATS user: publishes and consumes.' },
        agency: {
          type: 'userPassword',
          description:
            'One NATS user per agency, issued by the authority: subscribe-only, to that agency’s own tree. ' +
            'Copies are stored in the stream, so an agency system may also read them through a durable ' +
            'consumer the operators create for it on its subjects.',
        },
      },
      messages: Object.fromEntries([
        ...catalogue.map((d) => [d.type, messageOf(d)]),
        ...catalogue.map((d) => [agencyMessageOf(d), agencyCopyMessage(d)]),
      ]),
      schemas: { ...schemas, ...minimisedSchemas(schemas) },
    },
  };
}

/** The document as checked in: two-space JSON with keys sorted at every level, so diffs stay small. */
export function renderAsyncApiJson(): string {
  return `${JSON.stringify(sortKeys(buildAsyncApiDocument()), null, 2)}\n`;
}

function channelOf(d: EventDefinition): object {
  return {
    address: `baton.{tenant}.${d.aggregate}.${d.name}`,
    title: d.type,
    summary: d.summary,
    parameters: { tenant: { $ref: '#/components/parameters/tenant' } },
    messages: { [d.type]: { $ref: `#/components/messages/${d.type}` } },
    servers: [{ $ref: '#/servers/nats' }],
  };
}

function operationIdOf(d: EventDefinition): string {
  return `send-${d.aggregate}-${d.name}-v${d.version}`;
}

function operationOf(d: EventDefinition): object {
  const service = producerOf(d);
  return {
    action: 'send',
    channel: { $ref: `#/channels/${d.type}` },
    messages: [{ $ref: `#/channels/${d.type}/messages/${d.type}` }],
    summary: d.summary,
    description:
      service === EVERY_SERVICE
        ? 'Published by every service that holds family records, through its outbox.'
        : `Published by the ${service} service through its outbox.`,
    tags: [{ name: service }],
  };
}

function messageOf(d: EventDefinition): object {
  return {
    name: d.type,
    title: d.payload.name,
    summary: d.summary,
    contentType: CLOUDEVENTS_JSON,
    headers: {
      type: 'object',
      properties: {
        'Nats-Msg-Id': { type: 'string', format: 'uuid', description: 'The event id: JetStream deduplicates on it.' },
      },
    },
    payload: {
      allOf: [
        { $ref: `#/components/schemas/${CloudEvent.name}` },
        {
          type: 'object',
          properties: { type: { const: d.type }, data: { $ref: `#/components/schemas/${d.payload.name}` } },
        },
      ],
    },
    ...(d.urgent ? { tags: [{ name: 'urgent' }] } : {}),
  };
}

/** Schemas of the envelope, every payload and every class nested in one, keyed by class name. */
function collectSchemas(definitions: readonly EventDefinition[]): Record<string, JsonSchema> {
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
  refFor(CloudEvent);
  definitions.forEach((d) => refFor(d.payload));
  return schemas;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
