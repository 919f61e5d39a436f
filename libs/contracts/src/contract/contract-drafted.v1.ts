import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { FamilyPersonSummary } from '../order/order-summaries.js';
import { ContractEventBase } from './contract-summaries.js';

/** `baton.contract.drafted.v1`: a parenting contract was drafted for a family. */
export class ContractDraftedV1 extends ContractEventBase {
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => FamilyPersonSummary)
  children: FamilyPersonSummary[];

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => FamilyPersonSummary)
  parents: FamilyPersonSummary[];
}
