import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  componentSchemasOf,
  FamilyLeadPreferenceRecord,
  PLAN_AGREEMENT_STATUSES,
  PLAN_CLOSURE_REASONS,
  PLAN_ORIGINS,
  PLAN_STATUSES,
  PlanAction,
  PlanCarer,
  PlanChild,
  PlanLead,
  PlanMember,
  PlanOutcome,
  PlanProfessional,
} from '@baton/contracts';
import { PageOf, registerComponentSchemas } from '@baton/http-api';

// The shapes `plan.views.ts` answers with. The parts every plan event also carries are the contracts' own schemas.
registerComponentSchemas(
  componentSchemasOf(PlanAction, PlanCarer, PlanChild, PlanLead, PlanMember, PlanOutcome, FamilyLeadPreferenceRecord),
);

export class PlanPendingHandoverView {
  @ApiProperty({ format: 'uuid' })
  handoverId: string;

  @ApiProperty({ type: PlanProfessional })
  proposedLead: PlanProfessional;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ type: FamilyLeadPreferenceRecord })
  familyPreference: FamilyLeadPreferenceRecord;
}

export class PlanAgreementView {
  @ApiProperty({ enum: PLAN_AGREEMENT_STATUSES })
  status: string;

  @ApiProperty({ format: 'date-time' })
  agreedAt: string;

  @ApiProperty({ example: 'signed plan agreement at home visit' })
  recordedAs: string;

  @ApiPropertyOptional({ format: 'date-time' })
  withdrawnAt?: string;

  @ApiPropertyOptional()
  withdrawalReason?: string;
}

export class PlanAssessmentView {
  @ApiProperty({ format: 'uuid' })
  assessmentId: string;

  @ApiProperty({ format: 'date-time' })
  completedAt: string;

  @ApiProperty({ type: [String] })
  sharedWithAgencyIds: string[];

  @ApiProperty({ description: 'Whether the caller may read the assessment itself' })
  readable: boolean;
}

export class PlanClosureView {
  @ApiProperty({ enum: PLAN_CLOSURE_REASONS })
  reason: string;

  @ApiPropertyOptional()
  reasonText?: string;
}

/** A plan as the caller may see it: the lead sees everything, members their own actions, managers all actions. */
export class PlanView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version the ETag names' })
  version: number;

  @ApiProperty({
    enum: ['lead', 'manager', 'member', 'break-glass'],
    description: "The caller's relationship to the plan",
  })
  relationship: string;

  @ApiProperty({ enum: PLAN_STATUSES })
  status: string;

  @ApiProperty({ type: 'integer', enum: [2, 3] })
  levelOfNeed: number;

  @ApiProperty({ enum: PLAN_ORIGINS })
  origin: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  referralIds: string[];

  @ApiProperty({ type: [PlanChild], description: 'The lead professional also sees each nhsNumber' })
  children: PlanChild[];

  @ApiProperty({ type: [PlanCarer] })
  carers: PlanCarer[];

  @ApiProperty({ type: PlanLead })
  lead: PlanLead;

  @ApiPropertyOptional({ type: PlanPendingHandoverView })
  pendingHandover?: PlanPendingHandoverView;

  @ApiProperty({ type: [PlanMember] })
  members: PlanMember[];

  @ApiProperty({ type: [PlanOutcome] })
  outcomes: PlanOutcome[];

  @ApiProperty({
    type: [PlanAction],
    description: 'Members see their own agency’s actions; the lead and managers see all',
  })
  actions: PlanAction[];

  @ApiProperty({ type: 'integer', minimum: 1 })
  reviewCadenceWeeks: number;

  @ApiPropertyOptional({ format: 'date' })
  nextReviewDate?: string;

  @ApiPropertyOptional({ format: 'date' })
  lastReviewDate?: string;

  @ApiProperty({ type: PlanAgreementView })
  agreement: PlanAgreementView;

  @ApiPropertyOptional({ type: PlanAssessmentView })
  assessment?: PlanAssessmentView;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiPropertyOptional({ type: PlanClosureView })
  closure?: PlanClosureView;
}

export const PlanPage = PageOf(PlanView);

export class PersonRefView {
  @ApiProperty({ example: 'fsw-kemi' })
  personId: string;

  @ApiProperty({ example: 'Kemi Adeyemi' })
  name: string;

  @ApiProperty({ example: 'demo-hub-family-support' })
  agencyId: string;
}

export class PlanListLeadView {
  @ApiProperty()
  name: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty()
  agencyName: string;

  @ApiProperty()
  email: string;

  @ApiPropertyOptional()
  phone?: string;
}

/** A plan in a list: enough to choose one. */
export class PlanListItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ enum: PLAN_STATUSES })
  status: string;

  @ApiProperty({ type: 'integer', enum: [2, 3] })
  levelOfNeed: number;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ type: [PlanChild] })
  children: PlanChild[];

  @ApiProperty({ type: PlanListLeadView })
  lead: PlanListLeadView;

  @ApiPropertyOptional({ format: 'date' })
  nextReviewDate?: string;
}

export const PlanListPage = PageOf(PlanListItemView);

/** One thing that happened to a plan. */
export class TimelineItemView {
  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: 'integer' })
  planVersion: number;

  @ApiProperty({ example: 'baton.plan.lead-changed.v1' })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Who did it, as recorded' })
  actor: object;

  @ApiProperty({ example: 'Kemi Adeyemi became lead professional' })
  summary: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed, by kind of entry' })
  details: object;
}

export const TimelinePage = PageOf(TimelineItemView);

/** The answer to a declined handover: the one who declined may not be on the plan, so no plan view. */
export class HandoverDeclinedView {
  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ format: 'uuid' })
  handoverId: string;

  @ApiProperty({ enum: ['declined'] })
  status: string;

  @ApiProperty({ type: 'integer' })
  planVersion: number;
}

/** The answer to an agency leaving a plan: it no longer sees the plan. */
export class MemberLeftView {
  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ type: 'integer' })
  planVersion: number;

  @ApiProperty({ enum: [true] })
  left: boolean;
}
