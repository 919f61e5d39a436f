import type { EventDefinition } from './event-definition.js';
import { TENANT_PATTERN } from './envelope/cloud-event.js';

/** The prefix of every production subject; tests use their own so they never share a stream. */
export const DEFAULT_SUBJECT_PREFIX = 'baton';

/** The NATS subject an event is published on: `<prefix>.<tenant>.<aggregate>.<name>`. */
export function subjectFor(prefix: string, tenant: string, d: EventDefinition): string {
  // A dot or wildcard in the tenant would route the event into another authority's subjects.
  if (!TENANT_PATTERN.test(tenant)) throw new Error(`Tenant '${tenant}' is not a valid local authority code`);
  return `${prefix}.${tenant}.${d.aggregate}.${d.name}`;
}

/** A consumer filter for one event type across every tenant: `<prefix>.*.<aggregate>.<name>`. */
export function filterSubjectFor(prefix: string, d: EventDefinition): string {
  return `${prefix}.*.${d.aggregate}.${d.name}`;
}

/** The subjects the single event stream captures. */
export function streamSubjects(prefix: string): string[] {
  return [`${prefix}.>`];
}
