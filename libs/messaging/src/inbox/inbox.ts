import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` is processing `eventId`, in the caller's transaction. Returns false when it was
 * already recorded: the event was processed before and must be skipped. A concurrent duplicate waits on the
 * first one's row and sees it once that commits.
 */
export async function recordInInbox(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    'INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
    [consumer, eventId],
  );
  return inserted.length === 1;
}

/** {@link recordInInbox} for many events in one statement; returns the ids not recorded before (each once). */
export async function recordManyInInbox(
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const inserted: { event_id: string }[] = await manager.query(
    'INSERT INTO inbox (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id',
    [consumer, [...new Set(eventIds)]],
  );
  return new Set(inserted.map((r) => r.event_id));
}
