import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Until now a handover overwrote member roles: the new lead's agency became "lead professional" and the former
 * lead's "practitioner", losing the roles they joined with ("Adult social worker", "YOT case manager"). Gives each
 * member so overwritten back the role its agency's lead professional held — the role it had in the plan.
 */
export class MemberRolesFromLeads1763900000217 implements MigrationInterface {
  name = 'MemberRolesFromLeads1763900000217';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      UPDATE plan_member m SET role = l.role
        FROM (SELECT DISTINCT ON (plan_id, agency_id) plan_id, agency_id, role
                FROM plan_lead ORDER BY plan_id, agency_id, started_at DESC) l
       WHERE l.plan_id = m.plan_id AND l.agency_id = m.agency_id
         AND m.role IN ('lead professional', 'practitioner') AND l.role <> m.role`);
  }

  async down(): Promise<void> {
    // The overwritten roles were wrong; nothing to restore.
  }
}
