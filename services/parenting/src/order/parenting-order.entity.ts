import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AppealRoute, HoldingAgencyKind, OrderCourtKind, OrderLegalBasis, OrderState } from '@baton/contracts';
import type { OrderApplicantKind } from '../domain/legal-basis.table.js';
import type { ResidentialFindings } from '../domain/order-limits.rules.js';

export interface PersonRef {
  personId: string;
  name: string;
  agencyId: string;
}

export interface FamilyPerson {
  personId: string;
  givenName: string;
  familyName: string;
}

/** A court parenting order as held by its responsible officer. `grounds` is offence detail. */
@Entity('parenting_order')
export class ParentingOrder {
  @PrimaryColumn('uuid') id: string;
  @Column('text') tenant: string;
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Column('text') state: OrderState;
  @Column('integer') version: number;
  @Column('text', { name: 'legal_basis' }) legalBasis: OrderLegalBasis;
  @Column('text') applicant: OrderApplicantKind;
  @Column('text', { name: 'court_kind' }) courtKind: OrderCourtKind;
  @Column('text', { name: 'court_name' }) courtName: string;
  @Column('text', { name: 'appeal_route' }) appealRoute: AppealRoute;
  @Column('date', { name: 'made_on' }) madeOn: string;
  @Column('date', { name: 'requirements_end_on' }) requirementsEndOn: string;
  @Column('text', { name: 'holding_agency_id' }) holdingAgencyId: string;
  @Column('text', { name: 'holding_agency_kind' }) holdingAgencyKind: HoldingAgencyKind;
  @Column('text', { name: 'officer_person_id' }) officerPersonId: string;
  @Column('jsonb') officer: PersonRef;
  @Column('jsonb') children: FamilyPerson[];
  @Column('jsonb') parents: FamilyPerson[];
  @Column('text') grounds: string;
  @Column('boolean', { name: 'previous_parenting_order' }) previousParentingOrder: boolean;
  @Column('jsonb', { name: 'residential_findings', nullable: true }) residentialFindings: ResidentialFindings | null;
  @Column('integer', { name: 'open_enforcement_cases' }) openEnforcementCases: number;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
