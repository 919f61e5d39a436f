import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import type { EntityManager } from 'typeorm';
import { agencyIndexOf, type AgencyIndexEntry } from '../domain/agency-index.js';
import type { FamilyDocument } from '../domain/family-document.js';
import { foldFamily } from '../domain/family-fold.js';
import type { RecordedEvent } from '../domain/recorded-event.js';

/** A family as its view tables hold it: its document, the position it reflects, one entry per involved agency. */
export interface FoldedFamily {
  tenant: string;
  familyId: string;
  /** The highest stream sequence among its events (0 for events known only from a retained outbox). */
  position: number;
  document: FamilyDocument;
  entries: AgencyIndexEntry[];
}

export interface EventToRecord {
  event: CloudEvent;
  familyId: string;
  streamSeq: number | undefined;
}

/** Postgres takes at most 65 535 parameters a statement. */
const AGENCY_COLUMNS = 12;
const MAX_ROWS = Math.floor(65_000 / AGENCY_COLUMNS);

/**
 * Reads and writes the view tables with plain SQL, in the caller's transaction (whose search_path picks the live
 * tables or the rebuild's shadow copies). Used by the live projection one family at a time and by the rebuild
 * hundreds at a time — the same statements and the same fold, so both produce the same views.
 */
@Injectable()
export class FamilyViewStore {
  /** Records events with their family; returns those not recorded before (by event id). */
  async recordEvents(manager: EntityManager, items: EventToRecord[]): Promise<EventToRecord[]> {
    if (items.length === 0) return [];
    const values = items.map((_, i) => `(${[1, 2, 3, 4, 5, 6, 7].map((c) => `$${i * 7 + c}`).join(', ')})`);
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO family_event (event_id, tenant, family_id, type, aggregate_id, stream_seq, envelope)
       VALUES ${values.join(', ')} ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      items.flatMap(({ event, familyId, streamSeq }) => [
        event.id,
        event.tenant,
        familyId,
        event.type,
        event.subject,
        streamSeq ?? null,
        JSON.stringify(event),
      ]),
    );
    const ids = new Set(inserted.map((r) => r.event_id));
    return items.filter((i) => ids.has(i.event.id));
  }

  /** Folds each family from every event recorded about it. */
  async fold(manager: EntityManager, tenant: string, familyIds: string[]): Promise<FoldedFamily[]> {
    const rows: { family_id: string; envelope: RecordedEvent; stream_seq: string | null }[] = await manager.query(
      'SELECT family_id, envelope, stream_seq FROM family_event WHERE tenant = $1 AND family_id = ANY($2::uuid[])',
      [tenant, familyIds],
    );
    const byFamily = new Map<string, typeof rows>(familyIds.map((id) => [id, []]));
    for (const row of rows) byFamily.get(row.family_id)?.push(row);
    return [...byFamily].map(([familyId, events]) => {
      const document = foldFamily(
        tenant,
        familyId,
        events.map((e) => e.envelope),
      );
      const position = Math.max(0, ...events.map((e) => Number(e.stream_seq ?? 0)));
      return { tenant, familyId, position, document, entries: agencyIndexOf(document) };
    });
  }

  /** Each family id as the views hold it now: the family it was merged into, or itself. */
  async resolveFamilies(manager: EntityManager, tenant: string, familyIds: string[]): Promise<Map<string, string>> {
    const rows: { family_id: string; merged_into: string }[] = familyIds.length
      ? await manager.query(
          'SELECT family_id, merged_into FROM family_alias WHERE tenant = $1 AND family_id = ANY($2::uuid[])',
          [tenant, familyIds],
        )
      : [];
    const merged = new Map(rows.map((r) => [r.family_id, r.merged_into]));
    return new Map(familyIds.map((id) => [id, merged.get(id) ?? id]));
  }

  /**
   * Merges family `from` into `into`: remembers the merge (and moves earlier merges into `from` along), moves its
   * events over and deletes its view and agency rows. Returns the agencies that held a row for `from`.
   */
  async mergeFamily(manager: EntityManager, tenant: string, from: string, into: string): Promise<string[]> {
    await manager.query(
      `INSERT INTO family_alias (tenant, family_id, merged_into) VALUES ($1, $2, $3)
       ON CONFLICT (tenant, family_id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [tenant, from, into],
    );
    await manager.query('UPDATE family_alias SET merged_into = $3 WHERE tenant = $1 AND merged_into = $2', [
      tenant,
      from,
      into,
    ]);
    await manager.query('UPDATE family_event SET family_id = $3 WHERE tenant = $1 AND family_id = $2', [
      tenant,
      from,
      into,
    ]);
    const agencies = await this.agenciesOf(manager, tenant, from);
    await manager.query('DELETE FROM family_agency WHERE tenant = $1 AND family_id = $2', [tenant, from]);
    await manager.query('DELETE FROM family_view WHERE tenant = $1 AND family_id = $2', [tenant, from]);
    return agencies;
  }

  /** The agencies holding a row for the family now. */
  async agenciesOf(manager: EntityManager, tenant: string, familyId: string): Promise<string[]> {
    const rows: { agency_id: string }[] = await manager.query(
      'SELECT agency_id FROM family_agency WHERE tenant = $1 AND family_id = $2',
      [tenant, familyId],
    );
    return rows.map((r) => r.agency_id);
  }

  async removeAgencies(manager: EntityManager, tenant: string, familyId: string, agencyIds: string[]): Promise<void> {
    if (agencyIds.length === 0) return;
    await manager.query('DELETE FROM family_agency WHERE tenant = $1 AND family_id = $2 AND agency_id = ANY($3)', [
      tenant,
      familyId,
      agencyIds,
    ]);
  }

  /** Writes each family's document and its agencies' rows (rows of agencies no longer involved are removed apart). */
  async write(manager: EntityManager, families: FoldedFamily[]): Promise<void> {
    if (families.length === 0) return;
    const views = families.map(
      (_, i) => `($${i * 4 + 1}, $${i * 4 + 2}::uuid, $${i * 4 + 3}::jsonb, $${i * 4 + 4}::bigint, now())`,
    );
    await manager.query(
      `INSERT INTO family_view (tenant, family_id, document, position, updated_at) VALUES ${views.join(', ')}
       ON CONFLICT (tenant, family_id) DO UPDATE SET document = EXCLUDED.document, position = EXCLUDED.position,
       updated_at = EXCLUDED.updated_at`,
      families.flatMap((f) => [f.tenant, f.familyId, JSON.stringify(f.document), f.position]),
    );
    const rows = families.flatMap((f) => f.entries.map((entry) => ({ family: f, entry })));
    for (let start = 0; start < rows.length; start += MAX_ROWS) {
      await this.writeAgencyRows(manager, rows.slice(start, start + MAX_ROWS));
    }
  }

  private async writeAgencyRows(
    manager: EntityManager,
    rows: { family: FoldedFamily; entry: AgencyIndexEntry }[],
  ): Promise<void> {
    const values = rows.map(
      (_, i) => `(${Array.from({ length: AGENCY_COLUMNS }, (_c, c) => `$${i * AGENCY_COLUMNS + c + 1}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO family_agency (tenant, agency_id, family_id, relationships, sort_name, search_text, child_dobs,
         level_of_need, next_review_due, open_action_due, earliest_action_due, has_order, position)
       SELECT v.tenant, v.agency_id, v.family_id::uuid, v.relationships::text[], v.sort_name, v.search_text,
         v.child_dobs::date[], v.level_of_need::smallint, v.next_review_due::date, v.open_action_due::date[],
         (v.open_action_due::date[])[1], v.has_order::boolean, v.position::bigint
       FROM (VALUES ${values.join(', ')}) AS v (tenant, agency_id, family_id, relationships, sort_name, search_text,
         child_dobs, level_of_need, next_review_due, open_action_due, has_order, position)
       ON CONFLICT (tenant, agency_id, family_id) DO UPDATE SET relationships = EXCLUDED.relationships,
         sort_name = EXCLUDED.sort_name, search_text = EXCLUDED.search_text, child_dobs = EXCLUDED.child_dobs,
         level_of_need = EXCLUDED.level_of_need, next_review_due = EXCLUDED.next_review_due,
         open_action_due = EXCLUDED.open_action_due, earliest_action_due = EXCLUDED.earliest_action_due,
         has_order = EXCLUDED.has_order, position = EXCLUDED.position`,
      rows.flatMap(({ family, entry }) => [
        family.tenant,
        entry.agencyId,
        family.familyId,
        entry.relationships,
        entry.sortName,
        entry.searchText,
        entry.childDatesOfBirth,
        entry.levelOfNeed,
        entry.nextReviewDue,
        entry.openActionDue,
        entry.hasOrder,
        family.position,
      ]),
    );
  }
}
