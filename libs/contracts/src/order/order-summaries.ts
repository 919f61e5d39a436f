import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested, IsObject } from 'class-validator';
import { ActorSummary } from '../referral/referral-summaries.js';
import { IsCalendarDate, IsTimestamp } from '../validators/time-formats.js';
import {
  HOLDING_AGENCY_KINDS,
  ORDER_STATES,
  PROGRAMME_SETTINGS,
  REQUIREMENT_KINDS,
  type HoldingAgencyKind,
  type OrderState,
  type ProgrammeSetting,
  type RequirementKind,
} from './order-values.js';

/**
 * Where an order stands, and nothing more: the part of every order event that any entitled
 * recipient (a plan member, the lead professional) may see. Offence detail — the grounds the order
 * was made on, the parent's explanations, the reasons for enforcement decisions — never leaves the
 * parenting service in an event.
 */
export class OrderStatusSummary {
  @IsIn(ORDER_STATES)
  state: OrderState;

  @IsCalendarDate()
  madeOn: string;

  /** CDA 1998 s.8(4): the last day of the requirements, at most 12 months after the order was made. */
  @IsCalendarDate()
  requirementsEndOn: string;

  /** Enforcement cases (apparent breaches) still awaiting contact, decision or approval. */
  @IsInt()
  @Min(0)
  openEnforcementCases: number;
}

/** Fields every order event carries, so a consumer can route and order it without calling back. */
export abstract class OrderEventBase {
  @IsUUID('all')
  orderId: string;

  @IsUUID('all')
  familyId: string;

  /** The order's version after this change; consumers keep the highest seen. */
  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  holdingAgencyId: string;

  @IsIn(HOLDING_AGENCY_KINDS)
  holdingAgencyKind: HoldingAgencyKind;

  /** The named responsible officer who holds the order. */
  @IsObject()
  @ValidateNested()
  @Type(() => ActorSummary)
  responsibleOfficer: ActorSummary;

  @IsObject()
  @ValidateNested()
  @Type(() => OrderStatusSummary)
  status: OrderStatusSummary;

  @IsTimestamp()
  occurredAt: string;
}

/** A person named in the order, by the ids the family's other records use. */
export class FamilyPersonSummary {
  @IsUUID('all')
  personId: string;

  @IsString()
  givenName: string;

  @IsString()
  familyName: string;
}

/** One requirement of an order, each with its own period. */
export class OrderRequirementSummary {
  @IsUUID('all')
  requirementId: string;

  @IsIn(REQUIREMENT_KINDS)
  kind: RequirementKind;

  /** What the parent must do, as the court put it, e.g. "ensure the child is home 19:00–07:00". */
  @IsString()
  description: string;

  @IsCalendarDate()
  startsOn: string;

  @IsCalendarDate()
  endsOn: string;

  /** For the programme only. */
  @IsOptional()
  @IsIn(PROGRAMME_SETTINGS)
  setting?: ProgrammeSetting;
}
