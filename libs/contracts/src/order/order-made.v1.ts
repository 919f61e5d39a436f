import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, ValidateNested } from 'class-validator';
import { OrderEventBase, FamilyPersonSummary, OrderRequirementSummary } from './order-summaries.js';
import {
  APPEAL_ROUTES,
  ORDER_COURTS,
  ORDER_LEGAL_BASES,
  type AppealRoute,
  type OrderCourtKind,
  type OrderLegalBasis,
} from './order-values.js';

/** `baton.order.made.v1`: a court made a parenting order and it was recorded with its requirements. */
export class OrderMadeV1 extends OrderEventBase {
  @IsIn(ORDER_LEGAL_BASES)
  legalBasis: OrderLegalBasis;

  @IsIn(ORDER_COURTS)
  courtKind: OrderCourtKind;

  @IsString()
  courtName: string;

  @IsIn(APPEAL_ROUTES)
  appealRoute: AppealRoute;

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

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrderRequirementSummary)
  requirements: OrderRequirementSummary[];

  /** CDA 1998 s.8(5): no programme, allowed only because the parent has had a parenting order before. */
  @IsBoolean()
  programmeOmitted: boolean;
}
