import { IsIn } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';
import { CONTRACT_EARLY_END_REASONS, type ContractEarlyEndReason } from './contract-values.js';

/** `baton.contract.ended-early.v1`: the contract ended before its specified period was over. */
export class ContractEndedEarlyV1 extends ContractEventBase {
  @IsCalendarDate()
  endedOn: string;

  @IsIn(CONTRACT_EARLY_END_REASONS)
  reason: ContractEarlyEndReason;
}
