import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import {
  CONTRACT_KINDS,
  CONTRACT_PROVIDER_KINDS,
  CONTRACT_STATES,
  type ContractKind,
  type ContractProviderKind,
  type ContractState,
} from './contract-values.js';

/**
 * Where a contract stands, and nothing more. The grounds (the child's behaviour), the parent's
 * explanations and refusal reasons stay in the parenting service.
 */
export class ContractStatusSummary {
  @IsIn(CONTRACT_STATES)
  state: ContractState;

  @IsIn(CONTRACT_KINDS)
  kind: ContractKind;

  /** An s.19 contract about attendance is called an attendance contract (since August 2024). */
  @IsBoolean()
  attendanceContract: boolean;

  /** The specified period of the parent's statement, once offered. */
  @IsOptional()
  @IsCalendarDate()
  periodStartsOn?: string;

  @IsOptional()
  @IsCalendarDate()
  periodEndsOn?: string;
}

/** Fields every contract event carries. */
export abstract class ContractEventBase {
  @IsUUID('all')
  contractId: string;

  @IsUUID('all')
  familyId: string;

  /** The contract's version after this change; consumers keep the highest seen. */
  @IsInt()
  @Min(1)
  version: number;

  /** The agency that offers the contract and its support. */
  @IsString()
  providerAgencyId: string;

  @IsIn(CONTRACT_PROVIDER_KINDS)
  providerKind: ContractProviderKind;

  /** The practitioner who holds the contract for the provider. */
  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  responsibleOfficer: ActorSummary;

  @IsObject()
  @ValidateNested()
  @Type(() => ContractStatusSummary)
  status: ContractStatusSummary;

  @IsTimestamp()
  occurredAt: string;
}
