import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnforcementDecision, ParentContactMethod } from '@baton/contracts';
import type { EnforcementStatus } from '../domain/enforcement.rules.js';
import type { PersonRef } from '../order/parenting-order.entity.js';

/** One apparent breach and what was done about it: contact, decision, and a second approval for prosecution. */
@Entity('enforcement_case')
export class EnforcementCase {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'compliance_id' }) complianceId: string;
  @Column('uuid', { name: 'requirement_id' }) requirementId: string;
  @Column('text') tenant: string;
  @Column('text', { name: 'holding_agency_id' }) holdingAgencyId: string;
  @Column('text') status: EnforcementStatus;
  @Column('integer') version: number;
  @Column('date', { name: 'breach_on' }) breachOn: string;
  @Column('timestamptz', { name: 'opened_at' }) openedAt: Date;
  @Column('timestamptz', { name: 'contact_due_at' }) contactDueAt: Date;
  @Column('timestamptz', { name: 'contacted_at', nullable: true }) contactedAt: Date | null;
  @Column('text', { name: 'contact_method', nullable: true }) contactMethod: ParentContactMethod | null;
  @Column('text', { name: 'contact_notes', nullable: true }) contactNotes: string | null;
  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true }) overdueNotifiedAt: Date | null;
  @Column('text', { nullable: true }) decision: EnforcementDecision | null;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('text', { name: 'decided_by_person_id', nullable: true }) decidedByPersonId: string | null;
  @Column('jsonb', { name: 'decided_by', nullable: true }) decidedBy: PersonRef | null;
  @Column('integer', { name: 'working_days_to_decision', nullable: true }) workingDaysToDecision: number | null;
  /** The decision was recorded before any contact with the parent (allowed, and shown as an exception). */
  @Column('boolean', { name: 'decided_without_contact', default: false }) decidedWithoutContact: boolean;
  @Column('text', { nullable: true }) approval: 'approved' | 'rejected' | null;
  @Column('text', { name: 'approval_reason', nullable: true }) approvalReason: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt: Date | null;
  @Column('jsonb', { name: 'approved_by', nullable: true }) approvedBy: PersonRef | null;
}
