import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import type { EntityManager } from 'typeorm';
import { agencyIndexOf, type AgencyIndexEntry } from '../domain/agency-index.js';
import { foldFamily, isProjectedEvent } from '../domain/family-fold.js';
import type { RecordedEvent } from '../domain/recorded-event.js';
import { VIEW_CHANNEL, type ViewChangeMessage } from '../live/view-change-message.js';
import { FAMILIES_PROJECTION } from '../view-store/view-tables.js';

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
 * re-folds the family from all of them, and rewrites the family's document and one index row per involved
 * agency — deleting the rows of agencies no longer involved in the same statement batch, so a membership change
 * takes effect in one commit. Safe to run twice for one event and in any order across events.
 */
@Injectable()
export class FamilyProjection {
  async apply(manager: EntityManager, event: CloudEvent, streamSeq: number | undefined, options: ApplyOptions) {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [VIEW_SWAP_LOCK]);
    const familyId = familyOf(event);
    let message: ViewChangeMessage = { position: streamSeq ?? null };
    if (familyId !== undefined && isProjectedEvent(event.type)) {
      const changed = await this.project(manager, event, familyId, streamSeq);
      if (changed) message = { ...message, tenant: event.tenant, familyId, agencies: changed };
    }
    if (streamSeq !== undefined) {
      await manager.query('UPDATE view_position SET applied_seq = GREATEST(applied_seq, $1) WHERE projection = $2', [
        streamSeq,
        FAMILIES_PROJECTION,
      ]);
    }
    if (options.notify && (message.position !== null || message.familyId !== undefined)) {
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
    // Replicas may handle two events of one family at once; each must fold the other's event in.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${event.tenant}/${familyId}`]);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO family_event (event_id, tenant, family_id, type, aggregate_id, stream_seq, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
      [event.id, event.tenant, familyId, event.type, event.subject, streamSeq ?? null, JSON.stringify(event)],
    );
    if (inserted.length === 0) return undefined;
    return this.refold(manager, event.tenant, familyId);
  }

  /** Re-folds one family from its recorded events and rewrites its document and agency rows. */
  async refold(manager: EntityManager, tenant: string, familyId: string): Promise<ViewChangeMessage['agencies']> {
    const rows: { envelope: RecordedEvent; stream_seq: string | null }[] = await manager.query(
      'SELECT envelope, stream_seq FROM family_event WHERE tenant = $1 AND family_id = $2',
      [tenant, familyId],
    );
    const position = Math.max(0, ...rows.map((r) => Number(r.stream_seq ?? 0)));
    const document = foldFamily(
      tenant,
      familyId,
      rows.map((r) => r.envelope),
    );
    const entries = agencyIndexOf(document);
    const before: { agency_id: string }[] = await manager.query(
      'SELECT agency_id FROM family_agency WHERE tenant = $1 AND family_id = $2',
      [tenant, familyId],
    );
    await manager.query(
      `INSERT INTO family_view (tenant, family_id, document, position, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant, family_id) DO UPDATE SET document = EXCLUDED.document, position = EXCLUDED.position,
       updated_at = EXCLUDED.updated_at`,
      [tenant, familyId, JSON.stringify(document), position],
    );
    const now = new Set(entries.map((e) => e.agencyId));
    const removed = before.map((r) => r.agency_id).filter((a) => !now.has(a));
    if (removed.length > 0) {
      await manager.query('DELETE FROM family_agency WHERE tenant = $1 AND family_id = $2 AND agency_id = ANY($3)', [
        tenant,
        familyId,
        removed,
      ]);
    }
    if (entries.length > 0) await this.upsertEntries(manager, tenant, familyId, position, entries);
    const had = new Set(before.map((r) => r.agency_id));
    return [
      ...entries.map((e) => ({ agencyId: e.agencyId, change: had.has(e.agencyId) ? 'updated' : 'added' }) as const),
      ...removed.map((agencyId) => ({ agencyId, change: 'removed' }) as const),
    ];
  }

  private async upsertEntries(
    manager: EntityManager,
    tenant: string,
    familyId: string,
    position: number,
    entries: AgencyIndexEntry[],
  ): Promise<void> {
    const columns = 11;
    const values = entries.map(
      (_, i) => `(${Array.from({ length: columns }, (_c, c) => `$${i * columns + c + 1}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO family_agency (tenant, agency_id, family_id, relationships, sort_name, search_text, child_dobs,
         level_of_need, next_review_due, open_action_due, earliest_action_due, has_order, position)
       SELECT v.tenant, v.agency_id, v.family_id::uuid, v.relationships::text[], v.sort_name, v.search_text,
         v.child_dobs::date[], v.level_of_need::smallint, v.next_review_due::date, v.open_action_due::date[],
         (v.open_action_due::date[])[1], v.has_order::boolean, $${entries.length * columns + 1}::bigint
       FROM (VALUES ${values.join(', ')}) AS v (tenant, agency_id, family_id, relationships, sort_name, search_text,
         child_dobs, level_of_need, next_review_due, open_action_due, has_order)
       ON CONFLICT (tenant, agency_id, family_id) DO UPDATE SET relationships = EXCLUDED.relationships,
         sort_name = EXCLUDED.sort_name, search_text = EXCLUDED.search_text, child_dobs = EXCLUDED.child_dobs,
         level_of_need = EXCLUDED.level_of_need, next_review_due = EXCLUDED.next_review_due,
         open_action_due = EXCLUDED.open_action_due, earliest_action_due = EXCLUDED.earliest_action_due,
         has_order = EXCLUDED.has_order, position = EXCLUDED.position`,
      [
        ...entries.flatMap((e) => [
          tenant,
          e.agencyId,
          familyId,
          e.relationships,
          e.sortName,
          e.searchText,
          e.childDatesOfBirth,
          e.levelOfNeed,
          e.nextReviewDue,
          e.openActionDue,
          e.hasOrder,
        ]),
        position,
      ],
    );
  }
}

/** The family an event is about: the envelope's `familyid`, else the payload's `familyId`. */
function familyOf(event: CloudEvent): string | undefined {
  if (event.familyid !== undefined) return event.familyid;
  const fromData = (event.data as { familyId?: unknown }).familyId;
  return typeof fromData === 'string' ? fromData : undefined;
}
