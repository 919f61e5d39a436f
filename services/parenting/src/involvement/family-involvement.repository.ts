import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FamilyInvolvement } from '../access/order-access.policy.js';

/** Reads this service's copy of who is involved with a family through its open TAF plans. */
@Injectable()
export class FamilyInvolvementRepository {
  async of(manager: EntityManager, tenant: string, familyId: string): Promise<FamilyInvolvement> {
    const rows: { lead_person_id: string | null; lead_agency_id: string | null; member_agency_ids: string[] }[] =
      await manager.query(
        `SELECT lead_person_id, lead_agency_id, member_agency_ids FROM family_plan
          WHERE tenant = $1 AND family_id = $2 AND open`,
        [tenant, familyId],
      );
    return {
      leads: rows.flatMap((r) =>
        r.lead_person_id && r.lead_agency_id ? [{ personId: r.lead_person_id, agencyId: r.lead_agency_id }] : [],
      ),
      memberAgencyIds: rows.flatMap((r) => r.member_agency_ids),
    };
  }
}
