import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/** `baton.contract.completed.v1`: the contract ran its specified period. */
export class ContractCompletedV1 extends ContractEventBase {
  @IsCalendarDate()
  completedOn: string;
}
