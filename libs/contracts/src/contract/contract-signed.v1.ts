import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/** `baton.contract.signed.v1`: the parent and someone on behalf of the provider both signed; the contract is active. */
export class ContractSignedV1 extends ContractEventBase {
  @IsCalendarDate()
  parentSignedOn: string;

  @IsCalendarDate()
  providerSignedOn: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  signedForProvider: ActorSummary;
}
