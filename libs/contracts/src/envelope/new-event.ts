import { randomUUID } from 'node:crypto';
import type { EventDefinition } from '../event-definition.js';
import { CloudEvent } from './cloud-event.js';

export interface NewEventAttributes<T extends object> {
  /** The producing service, e.g. `baton/referrals`. */
  source: string;
  /** The aggregate's id. */
  subject: string;
  tenant: string;
  data: T;
  /** Person id of who did it, as recorded; `system` for scheduled work. */
  actor: string;
  actoragency?: string;
  actorrole?: string;
  familyid?: string;
  /** Defaults to the new event's id: this event starts a chain. */
  correlationid?: string;
  causationid?: string;
  /** Defaults to now. */
  time?: Date;
}

/** A new event of the given type with a fresh id; optional attributes left out are absent, not undefined. */
export function newEvent<T extends object>(d: EventDefinition<T>, a: NewEventAttributes<T>): CloudEvent<T> {
  const id = randomUUID();
  const optional = {
    familyid: a.familyid,
    causationid: a.causationid,
    actoragency: a.actoragency,
    actorrole: a.actorrole,
  };
  return Object.assign(new CloudEvent<T>(), {
    specversion: '1.0' as const,
    id,
    source: a.source,
    type: d.type,
    subject: a.subject,
    time: (a.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json' as const,
    data: a.data,
    tenant: a.tenant,
    correlationid: a.correlationid ?? id,
    actor: a.actor,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  });
}
