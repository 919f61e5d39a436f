import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReferrals1763900000100 implements MigrationInterface {
  name = 'CreateReferrals1763900000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE referral (
      id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('received', 'decided', 'withdrawn')),
      version integer NOT NULL DEFAULT 1,
      received_at timestamptz NOT NULL,
      decision_due_at timestamptz NOT NULL,
      source_code text NOT NULL,
      source jsonb NOT NULL,
      referrer_agency_id text,
      receiving_agency_id text NOT NULL,
      submitted_by jsonb NOT NULL,
      proposed_level smallint NOT NULL CHECK (proposed_level BETWEEN 1 AND 4),
      urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent')),
      consent jsonb NOT NULL,
      concerns jsonb NOT NULL,
      children jsonb NOT NULL,
      carers jsonb NOT NULL,
      linked_to_referral_id uuid REFERENCES referral (id),
      decision jsonb,
      decided_at timestamptz,
      withdrawal jsonb,
      overdue_notified_at timestamptz,
      CHECK ((status = 'decided') = (decision IS NOT NULL))
    )`);
    await runner.query(
      'CREATE INDEX referral_queue ON referral (tenant, receiving_agency_id, status, received_at, id)',
    );
    await runner.query('CREATE INDEX referral_sent ON referral (tenant, referrer_agency_id, received_at, id)');
    await runner.query(
      `CREATE INDEX referral_awaiting_deadline ON referral (decision_due_at)
       WHERE status = 'received' AND overdue_notified_at IS NULL`,
    );
    // Lookup of the children named in referrals still awaiting triage, to link duplicates.
    await runner.query(`CREATE TABLE referral_child (
      referral_id uuid NOT NULL REFERENCES referral (id),
      child_id uuid NOT NULL,
      tenant text NOT NULL,
      name_key text,
      nhs_number text,
      PRIMARY KEY (referral_id, child_id)
    )`);
    await runner.query(
      'CREATE INDEX referral_child_name ON referral_child (tenant, name_key) WHERE name_key IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX referral_child_nhs ON referral_child (tenant, nhs_number) WHERE nhs_number IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE referral_child');
    await runner.query('DROP TABLE referral');
  }
}
