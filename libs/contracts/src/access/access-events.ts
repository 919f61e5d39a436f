import { defineEvent } from '../event-definition.js';
import { RecordAccessedV1 } from './record-accessed.v1.js';

export const AccessEvents = {
  recorded: defineEvent({
    aggregate: 'access',
    name: 'recorded',
    version: 1,
    payload: RecordAccessedV1,
    summary: "Someone read, listed, shared or withheld a family's record.",
  }),
} as const;
