import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import type { EntityManager } from 'typeorm';
import { isProjectedEvent } from '../domain/family-fold.js';
import { familyMergeOf } from '../domain/family-merge.js';
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
 * Folds an event into the read model, in the caller's transaction: records it with the family's other events (under
 * the family it was merged into, if it was), re-folds the family from all of them, and rewrites the family's document and one row per involved agency —
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
    const named = familyOf(event);
    if (named === undefined || !isProjectedEvent(event.type)) return;
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [VIEW_SWAP_LOCK]);
    const changes = await this.project(manager, event, named, streamSeq);
    if (!options.notify) return;
    for (const change of changes) {
      const message: ViewChangeMessage = { position: streamSeq ?? null, tenant: event.tenant, ...change };
      await manager.query('SELECT pg_notify($1, $2)', [VIEW_CHANNEL, JSON.stringify(message)]);
    }
  }

  /**
   * Returns each family and agency whose view changed and how (none when the event was already recorded). An event
   * naming a family since merged into another folds into that one; a `plan.concern-joined` merges the referral's
   * family into the plan's, removing the former from every agency's list.
   */
  private async project(
    manager: EntityManager,
    event: CloudEvent,
    named: string,
    streamSeq: number | undefined,
  ): Promise<Required<Pick<ViewChangeMessage, 'familyId' | 'agencies'>>[]> {
    await this.lockFamily(manager, event.tenant, named);
    const familyId = await this.resolve(manager, event.tenant, named);
    if (familyId !== named) await this.lockFamily(manager, event.tenant, familyId);
    const recorded = await this.store.recordEvents(manager, [{ event, familyId, streamSeq }]);
    if (recorded.length === 0) return [];
    const changes: Required<Pick<ViewChangeMessage, 'familyId' | 'agencies'>>[] = [];
    const merge = familyMergeOf(event);
    const from = merge ? await this.resolve(manager, event.tenant, merge.from) : familyId;
    if (from !== familyId) {
      await this.lockFamily(manager, event.tenant, from);
      const removed = await this.store.mergeFamily(manager, event.tenant, from, familyId);
      changes.push({ familyId: from, agencies: removed.map((agencyId) => ({ agencyId, change: 'removed' })) });
    }
    const [family] = await this.store.fold(manager, event.tenant, [familyId]);
    const before = await this.store.agenciesOf(manager, event.tenant, familyId);
    const now = new Set(family.entries.map((e) => e.agencyId));
    const removed = before.filter((a) => !now.has(a));
    await this.store.removeAgencies(manager, event.tenant, familyId, removed);
    await this.store.write(manager, [family]);
    const had = new Set(before);
    changes.push({
      familyId,
      agencies: [
        ...family.entries.map(
          (e) => ({ agencyId: e.agencyId, change: had.has(e.agencyId) ? 'updated' : 'added' }) as const,
        ),
        ...removed.map((agencyId) => ({ agencyId, change: 'removed' }) as const),
      ],
    });
    return changes;
  }

  /**
   * Replicas may handle two events of one family at once; each must fold the other's event in. The schema is part
   * of the key, so the rebuild filling its shadow tables never waits on (or deadlocks with) the live views.
   */
  private async lockFamily(manager: EntityManager, tenant: string, familyId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || $1, 0))`, [
      `${tenant}/${familyId}`,
    ]);
  }

  private async resolve(manager: EntityManager, tenant: string, familyId: string): Promise<string> {
    return (await this.store.resolveFamilies(manager, tenant, [familyId])).get(familyId) ?? familyId;
  }
}

/** The family an event is about: the envelope's `familyid`, else the payload's `familyId`. */
export function familyOf(event: CloudEvent): string | undefined {
  if (event.familyid !== undefined) return event.familyid;
  const fromData = (event.data as { familyId?: unknown }).familyId;
  return typeof fromData === 'string' ? fromData : undefined;
}
