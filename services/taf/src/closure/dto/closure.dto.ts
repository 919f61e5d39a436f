import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTimestamp, PLAN_CLOSURE_REASONS, type PlanClosureReason } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

export class ClosePlanDto {
  @ApiProperty({
    enum: PLAN_CLOSURE_REASONS,
    description: 'stepped-up and stepped-down close through their own endpoints; other needs reasonText',
  })
  @IsIn(PLAN_CLOSURE_REASONS)
  reason: PlanClosureReason;

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reasonText?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const closePlanExample: RequestExample<ClosePlanDto> = {
  summary: 'The plan closes with its needs met',
  value: { reason: 'needs-met' },
};

export class StepUpDto {
  @ApiProperty({ example: 'Disclosure of harm at school: risk of significant harm' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;

  @ApiPropertyOptional({ description: "The children's social care agency; the tenant's by default" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  toAgencyId?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const stepUpExample: RequestExample<StepUpDto> = {
  summary: "The plan steps up to children's social care",
  value: {
    reason: 'Disclosure of harm at school: risk of significant harm',
    toAgencyId: 'demo-csc',
  },
};

export class StepDownDto {
  @ApiProperty({ example: 'Needs now met by school and health visiting as usual' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const stepDownExample: RequestExample<StepDownDto> = {
  summary: 'The plan steps down to universal services',
  value: {
    reason: 'Needs now met by school and health visiting as usual',
  },
};

export class WithdrawAgreementDto {
  @ApiProperty({ description: 'When the family withdrew agreement', example: '2026-12-01T11:00:00Z' })
  @IsTimestamp()
  withdrawnAt: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The example the OpenAPI document shows (invented data). */
export const withdrawAgreementExample: RequestExample<WithdrawAgreementDto> = {
  summary: 'The family withdraws its agreement',
  value: {
    withdrawnAt: '2026-12-01T11:00:00Z',
    reason: 'Jo no longer wants the plan and asked for it to stop',
  },
};
