import { DeadLetterRow } from './dead-letter/dead-letter.entity.js';
import { CreateDeadLetter1700000000003 } from './dead-letter/dead-letter.migration.js';
import { InboxRow } from './inbox/inbox.entity.js';
import { CreateInbox1700000000002 } from './inbox/inbox.migration.js';
import { OutboxRow } from './outbox/outbox.entity.js';
import { CreateOutbox1700000000001 } from './outbox/outbox.migration.js';
import { AddOutboxTraceContext1796300000000 } from './outbox/outbox-trace-context.migration.js';

/** Append to a service's own entity list. */
export const messagingEntities = [OutboxRow, InboxRow, DeadLetterRow];

/** Append to a service's own migration list. */
export const messagingMigrations = [
  CreateOutbox1700000000001,
  CreateInbox1700000000002,
  CreateDeadLetter1700000000003,
  AddOutboxTraceContext1796300000000,
];
