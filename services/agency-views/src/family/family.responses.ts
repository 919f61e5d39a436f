import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '@baton/http-api';
import { RELATIONSHIPS } from '../domain/involvement.js';

// The shapes `domain/agency-view.ts` answers with, for the OpenAPI document and the clients generated from it.

export class FamilyChildView {
  @ApiProperty({ example: 'Maya' })
  givenName: string;

  @ApiProperty({ example: 'Okoro' })
  familyName: string;

  @ApiPropertyOptional({ format: 'date' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ format: 'date', description: 'For an unborn child' })
  expectedDateOfBirth?: string;
}

export class FamilyCarerView {
  @ApiProperty()
  givenName: string;

  @ApiProperty()
  familyName: string;

  @ApiProperty({ example: 'mother' })
  relationship: string;
}

export class ContactView {
  @ApiPropertyOptional()
  email?: string;

  @ApiPropertyOptional()
  phone?: string;
}

export class LeadProfessionalView {
  @ApiProperty()
  personId: string;

  @ApiProperty({ example: 'Kemi Adeyemi' })
  name: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty()
  agencyName: string;

  @ApiProperty({ example: 'Family support worker' })
  role: string;

  @ApiProperty({ type: ContactView })
  contact: ContactView;

  @ApiProperty({ format: 'date-time', description: 'Lead professional since' })
  since: string;
}

export class FamilyPlanMemberView {
  @ApiProperty()
  agencyId: string;

  @ApiProperty()
  agencyName: string;

  @ApiProperty()
  contactName: string;

  @ApiPropertyOptional()
  personId?: string;

  @ApiProperty()
  role: string;

  @ApiProperty({ type: ContactView })
  contact: ContactView;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class FamilyPlanActionView {
  @ApiProperty({ format: 'uuid' })
  actionId: string;

  @ApiProperty({ format: 'uuid' })
  outcomeId: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  ownerAgencyId: string;

  @ApiPropertyOptional()
  ownerName?: string;

  @ApiProperty({ format: 'date' })
  dueDate: string;

  @ApiProperty({ enum: ['not-started', 'in-progress', 'done', 'cancelled'] })
  status: string;
}

export class FamilyPlanOutcomeView {
  @ApiProperty({ format: 'uuid' })
  outcomeId: string;

  @ApiProperty({ example: 'education' })
  headlineOutcome: string;

  @ApiProperty()
  description: string;
}

export class ProposedLeadView {
  @ApiProperty()
  name: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty()
  agencyName: string;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;
}

export class AssessmentDoneView {
  @ApiProperty({ format: 'date-time' })
  completedAt: string;
}

export class FamilyPlanView {
  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ enum: ['open', 'closed'] })
  status: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiPropertyOptional({ format: 'date' })
  nextReviewDue?: string;

  @ApiProperty()
  reviewOverdue: boolean;

  @ApiPropertyOptional({ format: 'date' })
  lastReviewDate?: string;

  @ApiProperty({ enum: ['agreed', 'withdrawn'] })
  agreement: string;

  @ApiProperty({ type: [FamilyPlanMemberView] })
  members: FamilyPlanMemberView[];

  @ApiProperty({ type: [FamilyPlanOutcomeView] })
  outcomes: FamilyPlanOutcomeView[];

  @ApiPropertyOptional({ type: ProposedLeadView, description: 'A handover proposed and not yet answered' })
  proposedLead?: ProposedLeadView;

  @ApiPropertyOptional({
    type: AssessmentDoneView,
    description: "Only for the agencies the assessment is shared with, and the lead professional's",
  })
  assessment?: AssessmentDoneView;
}

export class FamilyActionsView {
  @ApiProperty({ type: [FamilyPlanActionView] })
  open: FamilyPlanActionView[];

  @ApiProperty({ type: [FamilyPlanActionView] })
  overdue: FamilyPlanActionView[];
}

export class VisibleReferralView {
  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ enum: ['received', 'decided', 'withdrawn'] })
  status: string;

  @ApiProperty()
  decisionOverdue: boolean;

  @ApiProperty()
  receivingAgencyId: string;

  @ApiPropertyOptional()
  referrerAgencyId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  receivedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  decisionDueAt?: string;

  @ApiPropertyOptional()
  outcome?: string;
}

export class ParentingRecordView {
  @ApiProperty({ enum: ['contract', 'order'] })
  kind: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty()
  status: string;

  @ApiProperty({ description: 'Still binding or in force' })
  active: boolean;

  @ApiProperty()
  holderAgencyId: string;

  @ApiPropertyOptional()
  legalBasis?: string;

  @ApiPropertyOptional({ format: 'date' })
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  endsOn?: string;
}

/** One family as the caller's agency sees it: the same facts for every agency, cut to what that agency may see. */
export class AgencyFamilyView {
  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ type: 'integer', description: 'The stream sequence of the last event this view reflects' })
  position: number;

  @ApiProperty({
    enum: [...RELATIONSHIPS, 'break-glass'],
    isArray: true,
    description: "The caller's agency's involvement (`break-glass` alone: read under a break-glass grant)",
  })
  relationships: string[];

  @ApiProperty({ type: [FamilyChildView] })
  children: FamilyChildView[];

  @ApiProperty({ type: [FamilyCarerView] })
  carers: FamilyCarerView[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4 })
  levelOfNeed?: number;

  @ApiPropertyOptional({ type: LeadProfessionalView })
  leadProfessional?: LeadProfessionalView;

  @ApiPropertyOptional({ type: FamilyPlanView })
  plan?: FamilyPlanView;

  @ApiProperty({ type: FamilyActionsView, description: "This agency's own actions in the plan" })
  actions: FamilyActionsView;

  @ApiProperty({ type: [VisibleReferralView], description: 'Open referrals this agency made or receives' })
  openReferrals: VisibleReferralView[];

  @ApiPropertyOptional({
    type: [ParentingRecordView],
    description: "Only for the holder of a contract or order and the lead professional's agency",
  })
  parenting?: ParentingRecordView[];
}

export class SummaryLeadView {
  @ApiProperty()
  name: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty()
  agencyName: string;
}

/** A family in my agency's list. */
export class AgencyFamilySummaryView {
  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ type: 'integer' })
  position: number;

  @ApiProperty({ enum: RELATIONSHIPS, isArray: true })
  relationships: string[];

  @ApiProperty({ type: [FamilyChildView] })
  children: FamilyChildView[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4 })
  levelOfNeed?: number;

  @ApiPropertyOptional({ type: SummaryLeadView })
  leadProfessional?: SummaryLeadView;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  planStatus?: string;

  @ApiPropertyOptional({ format: 'date' })
  nextReviewDue?: string;

  @ApiProperty({ type: 'integer' })
  openActions: number;

  @ApiProperty({ type: 'integer' })
  overdueActions: number;

  @ApiProperty({ type: 'integer' })
  openReferrals: number;

  @ApiPropertyOptional({ description: 'Only for agencies entitled to see parenting contracts and orders' })
  hasOrder?: boolean;
}

export const AgencyFamilyPage = PageOf(AgencyFamilySummaryView);
