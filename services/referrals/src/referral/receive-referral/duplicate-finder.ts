import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { childNameKey as nameKey } from '@baton/contracts';
import { Referral } from '../referral.entity.js';

export interface OpenReferralMatch {
  referral: Referral;
  /** The ids, in the existing referral, of the children this referral also names. */
  matchedChildIds: string[];
}

/**
 * Finds a referral still awaiting triage that names one of the same children (NHS number, or name and
 * date of birth), so a second referral is linked to it rather than silently doubled.
 */
@Injectable()
export class DuplicateFinder {
  async findOpenReferralFor(manager: EntityManager, referral: Referral): Promise<OpenReferralMatch | undefined> {
    const names = referral.children.map(nameKey).filter((k): k is string => k !== undefined);
    const nhsNumbers = referral.children.map((c) => c.nhsNumber).filter((n): n is string => n !== undefined);
    if (names.length === 0 && nhsNumbers.length === 0) return undefined;
    // Serialise concurrent referrals about the same child, so two arriving together still link.
    for (const key of [...names, ...nhsNumbers].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${referral.tenant}|${key}`]);
    }
    const rows: { referral_id: string; child_id: string }[] = await manager.query(
      `SELECT c.referral_id, c.child_id
         FROM referral_child c JOIN referral r ON r.id = c.referral_id
        WHERE c.tenant = $1 AND r.status = 'received'
          AND (c.name_key = ANY($2::text[]) OR c.nhs_number = ANY($3::text[]))
        ORDER BY r.received_at, c.referral_id`,
      [referral.tenant, names, nhsNumbers],
    );
    if (rows.length === 0) return undefined;
    const first = rows[0].referral_id;
    const existing = await manager.findOneByOrFail(Referral, { id: first });
    return { referral: existing, matchedChildIds: rows.filter((r) => r.referral_id === first).map((r) => r.child_id) };
  }

  async index(manager: EntityManager, referral: Referral): Promise<void> {
    const rows = referral.children.map((c) => [
      referral.id,
      c.childId,
      referral.tenant,
      nameKey(c) ?? null,
      c.nhsNumber ?? null,
    ]);
    const placeholders = rows.map(
      (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`,
    );
    await manager.query(
      `INSERT INTO referral_child (referral_id, child_id, tenant, name_key, nhs_number) VALUES ${placeholders.join(', ')}`,
      rows.flat(),
    );
  }
}
