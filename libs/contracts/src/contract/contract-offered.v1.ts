import { IsBoolean, IsInt, Min } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/**
 * `baton.contract.offered.v1`: the contract, complete with the parent's statement of requirements
 * for a specified period and the provider's statement of support, was offered to the parent.
 */
export class ContractOfferedV1 extends ContractEventBase {
  @IsCalendarDate()
  offeredOn: string;

  @IsInt()
  @Min(1)
  requirementCount: number;

  @IsInt()
  @Min(1)
  supportCount: number;

  /** The parent's statement includes attending a parenting programme. */
  @IsBoolean()
  includesProgramme: boolean;
}
