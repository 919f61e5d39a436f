import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractEarlyEndReason, ContractKind, ContractProviderKind, ContractState } from '@baton/contracts';
import type { ContractGround } from '../domain/contract-lifecycle.rules.js';
import type { FamilyPerson, PersonRef } from '../order/parenting-order.entity.js';

/** JSON as stored in the chronology. */
export type ContractEntryDetail = { [key: string]: string | number | boolean | null | string[] | undefined };

/** One entry of a contract's chronology: the evidence a court weighs on a later order application. */
export interface ContractEntry {
  id: string;
  what: 'drafted' | 'offered' | 'signed' | 'refused' | 'breach' | 'review' | 'completed' | 'ended-early';
  on: string;
  at: string;
  by: PersonRef;
  /** What happened, the parent's explanation, support taken up — as recorded. */
  detail: ContractEntryDetail;
}

/** A voluntary parenting contract (ASBA 2003 ss.19, 25, 25A, 25B). */
@Entity('parenting_contract')
export class ParentingContract {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('text') kind: ContractKind;
  @Column('text') ground: ContractGround;
  @Column('text') state: ContractState;
  @Column('integer') version: number;
  @Column('text', { name: 'provider_agency_id' }) providerAgencyId: string;
  @Column('text', { name: 'provider_kind' }) providerKind: ContractProviderKind;
  @Column('text', { name: 'officer_person_id' }) officerPersonId: string;
  @Column('jsonb') officer: PersonRef;
  @Column('jsonb') children: FamilyPerson[];
  @Column('jsonb') parents: FamilyPerson[];
  @Column('jsonb', { name: 'parent_requirements', nullable: true }) parentRequirements: string[] | null;
  @Column('jsonb', { nullable: true }) support: string[] | null;
  @Column('date', { name: 'period_starts_on', nullable: true }) periodStartsOn: string | null;
  @Column('date', { name: 'period_ends_on', nullable: true }) periodEndsOn: string | null;
  @Column('date', { name: 'offered_on', nullable: true }) offeredOn: string | null;
  @Column('date', { name: 'parent_signed_on', nullable: true }) parentSignedOn: string | null;
  @Column('date', { name: 'provider_signed_on', nullable: true }) providerSignedOn: string | null;
  @Column('jsonb', { name: 'signed_for_provider', nullable: true }) signedForProvider: PersonRef | null;
  @Column('date', { name: 'refused_on', nullable: true }) refusedOn: string | null;
  @Column('text', { name: 'refusal_reason', nullable: true }) refusalReason: string | null;
  @Column('date', { name: 'ended_on', nullable: true }) endedOn: string | null;
  @Column('text', { name: 'end_reason', nullable: true }) endReason: ContractEarlyEndReason | null;
  @Column('jsonb') chronology: ContractEntry[];
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
