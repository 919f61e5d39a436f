import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/**
 * `baton.contract.refused.v1`: the parent declined to sign. Recorded, never forced; the reason is
 * kept with the contract as evidence for any later order application.
 */
export class ContractRefusedV1 extends ContractEventBase {
  @IsCalendarDate()
  refusedOn: string;
}
