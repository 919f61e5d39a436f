import { IsBoolean, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/** `baton.contract.breach-recorded.v1`: a breach of an active contract was recorded as evidence. */
export class ContractBreachRecordedV1 extends ContractEventBase {
  @IsUUID('all')
  breachId: string;

  @IsCalendarDate()
  occurredOn: string;

  /** The provider treats the contract as ended by this breach (state `breached`). */
  @IsBoolean()
  endsContract: boolean;
}
