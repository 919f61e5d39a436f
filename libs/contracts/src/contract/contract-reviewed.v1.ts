import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators/time-formats.js';
import { ContractEventBase } from './contract-summaries.js';

/** `baton.contract.reviewed.v1`: an active contract was reviewed with the parent. */
export class ContractReviewedV1 extends ContractEventBase {
  @IsUUID('all')
  reviewId: string;

  @IsCalendarDate()
  reviewedOn: string;

  @IsOptional()
  @IsCalendarDate()
  nextReviewOn?: string;
}
