import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsNotGivenWith } from '../validators/not-given-with.js';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import type { LevelOfNeed } from '../referral/referral-values.js';
import {
  FAMILY_LEAD_PREFERENCES,
  PLAN_ACTION_STATUSES,
  PLAN_AGREEMENT_STATUSES,
  PLAN_CLOSURE_REASONS,
  PLAN_ORIGINS,
  PLAN_STATUSES,
  type FamilyLeadPreference,
  type PlanActionStatus,
  type PlanAgreementStatus,
  type PlanClosureReason,
  type PlanOrigin,
  type PlanStatus,
} from './plan-values.js';

/** A child in the plan. Exactly one of `dateOfBirth` and `expectedDateOfBirth` (unborn). No NHS number. */
export class PlanChild {
  @IsUUID('all')
  childId: string;

  @IsString()
  givenName: string;

  @IsString()
  familyName: string;

  @ValidateIf((c: PlanChild) => c.dateOfBirth !== undefined || c.expectedDateOfBirth === undefined)
  @IsCalendarDate()
  dateOfBirth?: string;

  @ValidateIf((c: PlanChild) => c.expectedDateOfBirth !== undefined)
  @IsCalendarDate()
  @IsNotGivenWith('dateOfBirth')
  expectedDateOfBirth?: string;
}

export class PlanCarer {
  @IsUUID('all')
  carerId: string;

  @IsString()
  givenName: string;

  @IsString()
  familyName: string;

  /** To the children, e.g. `mother`, `grandparent`. */
  @IsString()
  relationship: string;
}

/** A named practitioner and how to reach them: what every agency's view shows for the lead professional. */
export class PlanProfessional {
  @IsString()
  @IsNotEmpty()
  personId: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsString()
  agencyName: string;

  /** Their job, e.g. `Family support worker`, `Designated safeguarding lead`. */
  @IsString()
  role: string;

  @IsString()
  email: string;

  @IsOptional()
  @IsString()
  phone?: string;
}

/** The lead professional now, and since when. */
export class PlanLead {
  @ValidateNested()
  @Type(() => PlanProfessional)
  professional: PlanProfessional;

  @IsTimestamp()
  since: string;
}

/** An agency on the Team Around the Family, with its contact for this family. */
export class PlanMember {
  @IsUUID('all')
  memberId: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsString()
  agencyName: string;

  /** The contact practitioner, when they have an account; absent for a contact known only by name. */
  @IsOptional()
  @IsString()
  personId?: string;

  @IsString()
  contactName: string;

  /** Their role in the plan, e.g. `class teacher`, `lead professional`. */
  @IsString()
  role: string;

  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  phone?: string;

  @IsTimestamp()
  joinedAt: string;
}

/** An outcome the family and members agreed, under one of the tenant's Supporting Families headline outcomes. */
export class PlanOutcome {
  @IsUUID('all')
  outcomeId: string;

  /** A headline outcome code from the tenant's reference data, e.g. `education`, `domestic-abuse`. */
  @IsString()
  @IsNotEmpty()
  headlineOutcome: string;

  /** In the family's words where possible. */
  @IsString()
  description: string;
}

/** An action towards an outcome, owned by a member agency (optionally a named person). */
export class PlanAction {
  @IsUUID('all')
  actionId: string;

  @IsUUID('all')
  outcomeId: string;

  @IsString()
  description: string;

  @IsString()
  @IsNotEmpty()
  ownerAgencyId: string;

  @IsOptional()
  @IsString()
  ownerPersonId?: string;

  @IsOptional()
  @IsString()
  ownerName?: string;

  @IsCalendarDate()
  dueDate: string;

  @IsIn(PLAN_ACTION_STATUSES)
  status: PlanActionStatus;

  /** Past its due date and neither done nor cancelled, as detected by the scheduler. */
  @IsBoolean()
  overdue: boolean;
}

/** The family's agreement to the plan and to sharing with its members. */
export class PlanAgreement {
  @IsIn(PLAN_AGREEMENT_STATUSES)
  status: PlanAgreementStatus;

  @IsTimestamp()
  agreedAt: string;

  @IsOptional()
  @IsTimestamp()
  withdrawnAt?: string;
}

/** That an early help assessment exists and who may see it; its content stays in the taf service. */
export class PlanAssessmentSummary {
  @IsUUID('all')
  assessmentId: string;

  @IsTimestamp()
  completedAt: string;

  @IsArray()
  @IsString({ each: true })
  sharedWithAgencyIds: string[];
}

/** A handover proposed and not yet accepted or declined: the current lead stays until then. */
export class PlanPendingHandover {
  @IsUUID('all')
  handoverId: string;

  @ValidateNested()
  @Type(() => PlanProfessional)
  proposedLead: PlanProfessional;

  @IsTimestamp()
  proposedAt: string;
}

/**
 * The plan as it stands after the event: every plan event carries it, so a consumer keeps its copy by
 * replacing it whenever `planVersion` is higher than the one it holds.
 */
export class PlanSnapshot {
  @IsIn(PLAN_STATUSES)
  status: PlanStatus;

  @IsInt()
  @Min(1)
  @Max(4)
  levelOfNeed: LevelOfNeed;

  @IsIn(PLAN_ORIGINS)
  origin: PlanOrigin;

  @IsTimestamp()
  openedAt: string;

  /** Referrals whose concerns this plan holds, in the order they arrived. */
  @IsArray()
  @IsUUID('all', { each: true })
  referralIds: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanChild)
  children: PlanChild[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanCarer)
  carers: PlanCarer[];

  @ValidateNested()
  @Type(() => PlanLead)
  lead: PlanLead;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlanPendingHandover)
  pendingHandover?: PlanPendingHandover;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanMember)
  members: PlanMember[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanOutcome)
  outcomes: PlanOutcome[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanAction)
  actions: PlanAction[];

  @IsInt()
  @Min(6)
  @Max(12)
  reviewCadenceWeeks: number;

  /** Always present while the plan is open. */
  @IsOptional()
  @IsCalendarDate()
  nextReviewDate?: string;

  @IsOptional()
  @IsCalendarDate()
  lastReviewDate?: string;

  @ValidateNested()
  @Type(() => PlanAgreement)
  agreement: PlanAgreement;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlanAssessmentSummary)
  assessment?: PlanAssessmentSummary;

  @IsOptional()
  @IsTimestamp()
  closedAt?: string;

  @IsOptional()
  @IsIn(PLAN_CLOSURE_REASONS)
  closureReason?: PlanClosureReason;
}

/** What the family said about a proposed lead professional. */
export class FamilyLeadPreferenceRecord {
  @IsIn(FAMILY_LEAD_PREFERENCES)
  preference: FamilyLeadPreference;

  @IsOptional()
  @IsString()
  note?: string;
}
