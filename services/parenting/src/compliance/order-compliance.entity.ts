import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplianceOutcome } from '@baton/contracts';
import type { PersonRef } from '../order/parenting-order.entity.js';

/** Compliance with one session or requirement on one day. `excuse` and `notes` are offence detail. */
@Entity('order_compliance')
export class OrderCompliance {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'requirement_id' }) requirementId: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  @Column('text') tenant: string;
  @Column('date', { name: 'occurred_on' }) occurredOn: string;
  @Column('text') outcome: ComplianceOutcome;
  @Column('text', { nullable: true }) excuse: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('jsonb', { name: 'recorded_by' }) recordedBy: PersonRef;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
