import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CIN_REFERRAL_SOURCE_CODES,
  LEVELS_OF_NEED,
  REFERRAL_OUTCOMES,
  REFERRAL_URGENCIES,
  type CinReferralSourceCode,
} from '@baton/contracts';
import { PageOf } from '@baton/http-api';
import { REFERRAL_STATUSES } from '../triage/dto/queue-query.dto.js';
import { CarerDto, ChildDto, ConcernsDto, ConsentDto, ReferralSourceDto } from './dto/create-referral.dto.js';

// The shapes `referral.views.ts` answers with, for the OpenAPI document (and the clients generated from it).

export class PersonRefView {
  @ApiProperty({ example: 'dsl-rivermead' })
  personId: string;

  @ApiProperty({ example: 'Sam Okafor' })
  name: string;

  @ApiProperty({ example: 'rivermead-primary' })
  agencyId: string;
}

export class ReferralSourceView extends ReferralSourceDto {}

export class ReferralChildView extends ChildDto {
  @ApiProperty({ format: 'uuid' })
  childId: string;
}

export class ReferralCarerView extends CarerDto {
  @ApiProperty({ format: 'uuid' })
  carerId: string;
}

export class ReferralFamilyView {
  @ApiProperty({ type: [ReferralChildView] })
  children: ReferralChildView[];

  @ApiProperty({ type: [ReferralCarerView] })
  carers: ReferralCarerView[];
}

export class ReferralConsentView extends ConsentDto {
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class ReferralDecisionView {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: 'integer', enum: LEVELS_OF_NEED })
  levelOfNeed: number;

  @ApiProperty()
  reasons: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ type: PersonRefView })
  decidedBy: PersonRefView;

  @ApiPropertyOptional()
  allocatedTeamId?: string;

  @ApiPropertyOptional({
    example: 'hub-triager',
    description: "The worker the family is allocated to, by `personId` from the authority's people",
  })
  allocatedWorkerId?: string;

  @ApiPropertyOptional({
    example: 'Tamsin Quillfeather',
    description: 'The allocated worker’s name, as the people list had it',
  })
  allocatedWorkerName?: string;
}

export class ReferralOutcomeView {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: 'integer', enum: LEVELS_OF_NEED })
  levelOfNeed: number;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

export class ReferralWithdrawalView {
  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  withdrawnAt: string;

  @ApiPropertyOptional({ type: PersonRefView, description: 'Shown to the receiving agency' })
  withdrawnBy?: PersonRefView;
}

/**
 * A referral as the caller's agency may see it. The receiving agency sees everything (`submittedBy`, the full
 * `decision`, links); the referring agency sees what it sent and the `outcome`, not the triage team's reasons.
 */
export class ReferralView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ enum: REFERRAL_STATUSES })
  status: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version the ETag names' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the triage decision is due (1 working day)' })
  decisionDueAt: string;

  @ApiProperty({ enum: CIN_REFERRAL_SOURCE_CODES, description: 'CIN census referral source' })
  sourceCode: CinReferralSourceCode;

  @ApiProperty({ type: ReferralSourceView })
  source: ReferralSourceView;

  @ApiPropertyOptional({ type: PersonRefView, description: 'Who submitted it (receiving agency only)' })
  submittedBy?: PersonRefView;

  @ApiProperty({ example: 'demo-front-door' })
  receivingAgencyId: string;

  @ApiProperty({ type: 'integer', enum: LEVELS_OF_NEED })
  proposedLevelOfNeed: number;

  @ApiProperty({ enum: REFERRAL_URGENCIES })
  urgency: string;

  @ApiProperty({ type: ReferralConsentView })
  consent: ReferralConsentView;

  @ApiProperty({ type: ConcernsDto })
  concerns: ConcernsDto;

  @ApiProperty({ type: ReferralFamilyView })
  family: ReferralFamilyView;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An earlier referral of the same family (receiving agency only)',
  })
  linkedToReferralId?: string;

  @ApiPropertyOptional({ type: ReferralDecisionView, description: 'The triage decision (receiving agency only)' })
  decision?: ReferralDecisionView;

  @ApiPropertyOptional({ type: ReferralOutcomeView, description: 'The decision as the referrer sees it' })
  outcome?: ReferralOutcomeView;

  @ApiPropertyOptional({ type: ReferralWithdrawalView })
  withdrawal?: ReferralWithdrawalView;
}

export const ReferralPage = PageOf(ReferralView);
