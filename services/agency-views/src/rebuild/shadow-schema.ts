import type { EntityManager } from 'typeorm';
import { VIEW_TABLES } from '../view-store/view-tables.js';

/** Where the rebuild fills its copy of the views, and where the replaced views wait to be dropped. */
export const SHADOW_SCHEMA = 'views_rebuild';
export const RETIRED_SCHEMA = 'views_retired';

/**
 * Creates empty copies of the live view tables in the shadow schema: same columns, defaults, constraints and
 * indexes (`LIKE ... INCLUDING ALL`), with each index renamed to its live twin's name so the swapped-in tables
 * look exactly as the migrations left them.
 */
export async function createShadowTables(manager: EntityManager): Promise<void> {
  await manager.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
  await manager.query(`CREATE SCHEMA ${SHADOW_SCHEMA}`);
  for (const table of VIEW_TABLES) {
    await manager.query(`CREATE TABLE ${SHADOW_SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL)`);
    const live = await indexesOf(manager, 'public', table);
    for (const shadow of await indexesOf(manager, SHADOW_SCHEMA, table)) {
      const twin = live.find((l) => l.shape === shadow.shape);
      if (twin === undefined) throw new Error(`No live index like ${shadow.name} on ${table}`);
      if (twin.name !== shadow.name) {
        await manager.query(`ALTER INDEX ${SHADOW_SCHEMA}."${shadow.name}" RENAME TO "${twin.name}"`);
      }
    }
  }
}

/**
 * Swaps the shadow tables in for the live ones, in the caller's transaction: readers see the old views until it
 * commits and the new ones after, never a mixture or an empty table.
 */
export async function swapInShadowTables(manager: EntityManager): Promise<void> {
  await manager.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
  await manager.query(`CREATE SCHEMA ${RETIRED_SCHEMA}`);
  for (const table of VIEW_TABLES) await manager.query(`ALTER TABLE public.${table} SET SCHEMA ${RETIRED_SCHEMA}`);
  for (const table of VIEW_TABLES) await manager.query(`ALTER TABLE ${SHADOW_SCHEMA}.${table} SET SCHEMA public`);
}

export async function dropRebuildSchemas(manager: EntityManager): Promise<void> {
  await manager.query(`DROP SCHEMA IF EXISTS ${RETIRED_SCHEMA} CASCADE`);
  await manager.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
}

/** Each index of a table with its definition stripped of names, so twins in two schemas compare equal. */
async function indexesOf(manager: EntityManager, schema: string, table: string) {
  const rows: { name: string; definition: string }[] = await manager.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND t.relname = $2`,
    [schema, table],
  );
  return rows.map((r) => ({ name: r.name, shape: r.definition.replace(/INDEX \S+ ON \S+/, 'INDEX ON') }));
}
