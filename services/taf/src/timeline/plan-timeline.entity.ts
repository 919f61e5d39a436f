import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PersonRef } from '../plan/plan.entity.js';

/**
 * Who may see a timeline entry: everyone entitled to the plan, only the lead professional (and managers),
 * or one agency (an action's owner) besides the lead and managers.
 */
export type TimelineVisibility = 'all' | 'lead' | 'agency';

/** One thing that happened to a plan, in the order it happened: one row per plan event. */
@Entity('plan_timeline')
export class PlanTimelineRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('text')
  tenant: string;

  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('timestamptz')
  at: Date;

  @Column('integer', { name: 'plan_version' })
  planVersion: number;

  /** The event type, e.g. `baton.plan.lead-changed.v1`. */
  @Column('text')
  type: string;

  @Column('jsonb')
  actor: PersonRef | { personId: 'system'; name: string; agencyId: string };

  @Column('text')
  summary: string;

  @Column('jsonb')
  details: Record<string, unknown>;

  @Column('text', { name: 'visible_to' })
  visibleTo: TimelineVisibility;

  @Column('text', { name: 'agency_id', nullable: true })
  agencyId: string | null;
}
