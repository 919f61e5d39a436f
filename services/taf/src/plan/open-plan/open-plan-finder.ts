import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { childNameKey } from '@baton/contracts';
import type { PlanChildRecord } from '../plan.entity.js';

export interface OpenPlanMatch {
  planId: string;
  /** Plan child id for each matched child of the request, by the request child's index. */
  matches: Map<number, string>;
  /** Indexes of request children already in any open plan (this one or, rarely, another). */
  inAnyOpenPlan: Set<number>;
}

/** Lock keys per child: the name key and NHS number, tenant-scoped. */
function keysOf(tenant: string, children: readonly PlanChildRecord[]): string[] {
  const keys = children.flatMap((c) => [childNameKey(c), c.nhsNumber]).filter((k): k is string => k !== undefined);
  return [...new Set(keys)].sort().map((k) => `taf|${tenant}|${k}`);
}

/**
 * Finds the open plan a child is already in (NHS number, or name and date of birth), so a new concern joins
 * it rather than starting a second plan. The unique indexes on `plan_child` make a second plan impossible;
 * the advisory locks make two concerns arriving together wait for each other and join, not fail.
 */
@Injectable()
export class OpenPlanFinder {
  async lockAndFind(
    manager: EntityManager,
    tenant: string,
    children: readonly PlanChildRecord[],
  ): Promise<OpenPlanMatch | undefined> {
    for (const key of keysOf(tenant, children)) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    }
    const names = children.map((c) => childNameKey(c) ?? null);
    const nhs = children.map((c) => c.nhsNumber ?? null);
    const rows: { plan_id: string; child_id: string; idx: number }[] = await manager.query(
      `SELECT pc.plan_id, pc.child_id, wanted.idx::int AS idx
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS wanted(name_key, nhs_number, idx)
         JOIN plan_child pc ON pc.tenant = $1 AND pc.open
          AND (pc.name_key = wanted.name_key OR pc.nhs_number = wanted.nhs_number)
        ORDER BY wanted.idx`,
      [tenant, names, nhs],
    );
    if (rows.length === 0) return undefined;
    const planId = rows[0].plan_id;
    const matches = new Map(rows.filter((r) => r.plan_id === planId).map((r) => [r.idx - 1, r.child_id]));
    return { planId, matches, inAnyOpenPlan: new Set(rows.map((r) => r.idx - 1)) };
  }

  async index(manager: EntityManager, tenant: string, planId: string, children: readonly PlanChildRecord[]) {
    if (children.length === 0) return;
    const rows = children.map((c) => [planId, c.childId, tenant, childNameKey(c) ?? null, c.nhsNumber ?? null]);
    const values = rows.map(
      (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, true)`,
    );
    await manager.query(
      `INSERT INTO plan_child (plan_id, child_id, tenant, name_key, nhs_number, open) VALUES ${values.join(', ')}`,
      rows.flat(),
    );
  }

  /** A closed plan's children are free to be in a new plan. */
  async release(manager: EntityManager, planId: string): Promise<void> {
    await manager.query('UPDATE plan_child SET open = false WHERE plan_id = $1', [planId]);
  }
}
