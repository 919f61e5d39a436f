import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import type { EntityManager } from 'typeorm';
import { isProjectedEvent } from '../domain/family-fold.js';
import { VIEW_CHANNEL, type ViewChangeMessage } from '../live/view-change-message.js';
import { FamilyViewStore } from '../view-store/family-view-store.js';

/**
 * Held shared by every projecting transaction and exclusively by the rebuild while it swaps in the rebuilt
 * tables, so the swap happens between two batches, never inside one.
 */
export const VIEW_SWAP_LOCK = 726_361_001;

export interface ApplyOptions {
  /** Tell live screens about the change on commit (not while the rebuild fills its shadow tables). */
  notify: boolean;
}

/**
 * Folds an event into the read model, in the caller's transaction: records it with the family's other events,
 * re-folds the family from all of them, and rewrites the family's document and one row per involved agency —
 * deleting the rows of agencies no longer involved in the same transaction, so a membership change takes effect
 * in one commit. Safe to run twice for one event and in any order across events.
 */
@Injectable()
export class FamilyProjection {
  constructor(private readonly store: FamilyViewStore) {}

  async apply(
    manager: EntityManager,
    event: CloudEvent,
    streamSeq: number | undefined,
    options: ApplyOptions,
  ): Promise<void> {
    const familyId = familyOf(event);
    if (familyId === undefined || !isProjectedEvent(event.type)) return;
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [VIEW_SWAP_LOCK]);
    const changed = await this.project(manager, event, familyId, streamSeq);
    if (options.notify && changed) {
      const message: ViewChangeMessage = {
        position: streamSeq ?? null,
        tenant: event.tenant,
        familyId,
        agencies: changed,
      };
      await manager.query('SELECT pg_notify($1, $2)', [VIEW_CHANNEL, JSON.stringify(message)]);
    }
  }

  /** Returns each agency whose view changed and how, or undefined when the event was already recorded. */
  private async project(
    manager: EntityManager,
    event: CloudEvent,
    familyId: string,
    streamSeq: number | undefined,
  ): Promise<ViewChangeMessage['agencies']> {
    // Replicas may handle two events of one family at once; each must fold the other's event in. The schema is
    // part of the key, so the rebuild filling its shadow tables never waits on (or deadlocks with) the live views.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || $1, 0))`, [
      `${event.tenant}/${familyId}`,
    ]);
    const recorded = await this.store.recordEvents(manager, [{ event, familyId, streamSeq }]);
    if (recorded.length === 0) return undefined;
    const [family] = await this.store.fold(manager, event.tenant, [familyId]);
    const before = await this.store.agenciesOf(manager, event.tenant, familyId);
    const now = new Set(family.entries.map((e) => e.agencyId));
    const removed = before.filter((a) => !now.has(a));
    await this.store.removeAgencies(manager, event.tenant, familyId, removed);
    await this.store.write(manager, [family]);
    const had = new Set(before);
    return [
      ...family.entries.map(
        (e) => ({ agencyId: e.agencyId, change: had.has(e.agencyId) ? 'updated' : 'added' }) as const,
      ),
      ...removed.map((agencyId) => ({ agencyId, change: 'removed' }) as const),
    ];
  }
}

/** The family an event is about: the envelope's `familyid`, else the payload's `familyId`. */
export function familyOf(event: CloudEvent): string | undefined {
  if (event.familyid !== undefined) return event.familyid;
  const fromData = (event.data as { familyId?: unknown }).familyId;
  return typeof fromData === 'string' ? fromData : undefined;
}
