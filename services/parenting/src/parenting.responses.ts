import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPEAL_OUTCOMES,
  APPEAL_ROUTES,
  COMPLIANCE_OUTCOMES,
  componentSchemasOf,
  ORDER_APPLICANTS,
  ORDER_APPLICATION_KINDS,
  OrderRequirementSummary,
} from '@baton/contracts';
import { PageOf, registerComponentSchemas } from '@baton/http-api';
import { EXCEPTION_KINDS } from './audit/dto/audit-query.dto.js';

// The shapes the parenting service answers with (order.views.ts, contract.views.ts, enforcement.views.ts). Parts
// whose shape the service keeps as recorded (grounds, applicant, parties, chronology) are objects here.

registerComponentSchemas(componentSchemasOf(OrderRequirementSummary));

const RECORDED = { type: 'object', additionalProperties: true } as const;

export class ParentingPersonRefView {
  @ApiProperty()
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  agencyId: string;
}

/** An enforcement case after a breach, as the order's holder sees it (offence detail included). */
export class EnforcementCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  complianceId: string;

  @ApiProperty({ format: 'uuid' })
  requirementId: string;

  @ApiProperty()
  status: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ format: 'date' })
  breachOn: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'date-time', description: 'The end of the next working day after the breach' })
  contactDueAt: string;

  @ApiProperty({ description: 'Entered after its contact deadline had passed' })
  recordedLate: boolean;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  contactedAt: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  contactMethod?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  contactNotes?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  decision?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  decisionReason?: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiPropertyOptional({ ...RECORDED, nullable: true, description: 'Who decided (personId, name, agencyId)' })
  decidedBy?: object | null;

  @ApiPropertyOptional({ type: 'boolean', nullable: true })
  decidedWithoutContact?: boolean | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  workingDaysToDecision?: number | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  approval?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  approvalReason?: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  approvedAt: string | null;
}

/**
 * A parenting order as the caller may see it: its status for the family's plan members; with its requirements for
 * the lead professional; everything (legal basis, court, grounds, parties, sessions, enforcement) for its holder.
 */
export class ParentingOrderView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ example: 'in-force' })
  state: string;

  @ApiProperty({ format: 'date' })
  madeOn: string;

  @ApiProperty({ format: 'date' })
  requirementsEndOn: string;

  @ApiProperty()
  holdingAgencyId: string;

  @ApiProperty({ example: 'youth-offending-team' })
  holdingAgencyKind: string;

  @ApiProperty({ type: ParentingPersonRefView })
  responsibleOfficer: ParentingPersonRefView;

  @ApiProperty({ type: 'integer', description: 'The version the ETag names' })
  version: number;

  @ApiPropertyOptional({
    type: [OrderRequirementSummary],
    description: 'For the lead professional and the holder (who also sees each programme’s sessions)',
  })
  requirements?: OrderRequirementSummary[];

  @ApiPropertyOptional({ description: 'Holder only: the Act and section the order was made under' })
  legalBasis?: string;

  @ApiPropertyOptional({ description: 'Holder only: who applied for the order' })
  applicant?: string;

  @ApiPropertyOptional({ description: 'Holder only' })
  courtKind?: string;

  @ApiPropertyOptional({ description: 'Holder only' })
  courtName?: string;

  @ApiPropertyOptional({ description: 'Holder only' })
  appealRoute?: string;

  @ApiPropertyOptional({ description: 'Holder only: offence detail' })
  grounds?: string;

  @ApiPropertyOptional({ description: 'Holder only: whether a parenting order was made before' })
  previousParentingOrder?: boolean;

  @ApiPropertyOptional({ ...RECORDED, nullable: true, description: 'Holder only' })
  residentialFindings?: object | null;

  @ApiPropertyOptional({ type: 'array', items: RECORDED, description: 'Holder only' })
  children?: object[];

  @ApiPropertyOptional({ type: 'array', items: RECORDED, description: 'Holder only' })
  parents?: object[];

  @ApiPropertyOptional({ type: 'integer', description: 'Holder only' })
  openEnforcementCases?: number;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, description: 'Holder only' })
  closedOn?: string | null;

  @ApiPropertyOptional({ type: [EnforcementCaseView], description: 'Holder only' })
  enforcement?: EnforcementCaseView[];
}

export const ParentingOrderPage = PageOf(ParentingOrderView);

/**
 * A parenting contract as the caller may see it: status for plan members; with its terms (requirements, support)
 * for the lead professional; everything for its provider.
 */
export class ParentingContractView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty()
  kind: string;

  @ApiProperty({ description: 'An attendance contract (ASBA 2003 s.19)' })
  attendanceContract: boolean;

  @ApiProperty({ example: 'signed' })
  state: string;

  @ApiProperty()
  providerAgencyId: string;

  @ApiProperty()
  providerKind: string;

  @ApiProperty({ type: ParentingPersonRefView })
  responsibleOfficer: ParentingPersonRefView;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  periodStartsOn?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  periodEndsOn?: string | null;

  @ApiProperty({ type: 'integer', description: 'The version the ETag names' })
  version: number;

  @ApiPropertyOptional({ type: [String], description: 'Lead professional and provider', nullable: true })
  parentRequirements?: string[] | null;

  @ApiPropertyOptional({ type: [String], description: 'Lead professional and provider', nullable: true })
  support?: string[] | null;

  @ApiPropertyOptional({ description: 'Provider only' })
  ground?: string;

  @ApiPropertyOptional({ type: 'array', items: RECORDED, description: 'Provider only' })
  children?: object[];

  @ApiPropertyOptional({ type: 'array', items: RECORDED, description: 'Provider only' })
  parents?: object[];

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  offeredOn?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  parentSignedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  providerSignedOn?: string | null;

  @ApiPropertyOptional({ ...RECORDED, nullable: true, description: 'Who signed for the provider' })
  signedForProvider?: object | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  refusedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  refusalReason?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  endedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  endReason?: string | null;
}

/** The evidence a court weighs on a later order application (ASBA 2003 ss.20(4), 26(4)). */
export class ContractEvidenceView {
  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ type: ParentingContractView })
  contract: ParentingContractView;

  @ApiProperty({ ...RECORDED, nullable: true })
  refusal: object | null;

  @ApiProperty({ type: 'array', items: RECORDED })
  breaches: object[];

  @ApiProperty({ type: [String] })
  supportOffered: string[];

  @ApiProperty({ type: [String] })
  supportTakenUp: string[];

  @ApiProperty({ type: [String] })
  supportNotTakenUp: string[];

  @ApiProperty({ type: 'array', items: RECORDED })
  chronology: object[];
}

/** A programme session as scheduled. */
export class SessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  requirementId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

/** A compliance record, and the enforcement case a failure without reasonable excuse opened. */
export class ComplianceView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  requirementId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  sessionId: string | null;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty({ enum: COMPLIANCE_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: 'string', nullable: true })
  excuse: string | null;

  @ApiProperty({ type: EnforcementCaseView, nullable: true, description: 'Opened by a failure without excuse' })
  enforcement: EnforcementCaseView | null;
}

/** An application to the court to vary or discharge an order, and the court's outcome once recorded. */
export class OrderApplicationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty()
  tenant: string;

  @ApiProperty({ enum: ORDER_APPLICATION_KINDS })
  kind: string;

  @ApiProperty({ enum: ORDER_APPLICANTS })
  applicant: string;

  @ApiProperty({ format: 'date' })
  appliedOn: string;

  @ApiProperty()
  details: string;

  @ApiProperty({
    type: 'string',
    enum: ['granted', 'refused', 'withdrawn', null],
    nullable: true,
    description: 'null until the court decides',
  })
  outcome: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  decidedOn: string | null;
}

/** An appeal against the order, on the route its legal basis and court give. */
export class OrderAppealView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty()
  tenant: string;

  @ApiProperty({ enum: APPEAL_ROUTES })
  route: string;

  @ApiProperty()
  appellant: string;

  @ApiProperty({ format: 'date' })
  lodgedOn: string;

  @ApiProperty({ enum: APPEAL_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  decidedOn: string | null;
}

export class OrderTimelineEntryView {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'made' })
  what: string;

  @ApiProperty({ ...RECORDED, description: 'Who did it (personId, name, agencyId)' })
  actor: object;

  @ApiProperty({ ...RECORDED, description: 'What was recorded, by kind of entry' })
  detail: object;
}

/** An order's complete chronology, oldest first. */
export class OrderTimelineView {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ example: 'in-force' })
  state: string;

  @ApiProperty({ type: [OrderTimelineEntryView] })
  entries: OrderTimelineEntryView[];
}

/** Something a manager must look at: a breach with no timely contact or decision, an order past its end... */
export class AuditExceptionView {
  @ApiProperty({ enum: EXCEPTION_KINDS })
  kind: string;

  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  familyId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  enforcementId: string | null;

  @ApiProperty()
  holdingAgencyId: string;

  @ApiProperty()
  responsibleOfficerPersonId: string;

  @ApiProperty({ description: 'When the exception began: the breach, the missed deadline, the order’s end...' })
  since: string;

  @ApiProperty()
  detail: string;
}

export const AuditExceptionPage = PageOf(AuditExceptionView);

/** One holding agency's enforcement over the range, to compare agencies. */
export class AgencyConsistencyView {
  @ApiProperty() holdingAgencyId: string;
  @ApiProperty() holdingAgencyKind: string;
  @ApiProperty({ type: 'integer' }) ordersHeld: number;
  @ApiProperty({ type: 'integer' }) breaches: number;
  @ApiProperty({ type: 'integer', description: 'Breaches whose decision has taken effect' }) decided: number;
  @ApiProperty({ type: 'integer', description: 'Prosecution referrals awaiting their second approver' })
  awaitingApproval: number;

  @ApiProperty({ type: 'integer' }) undecided: number;
  @ApiProperty({ type: 'integer' }) writtenWarnings: number;
  @ApiProperty({ type: 'integer', description: 'Approved prosecution referrals only' }) prosecutionReferrals: number;
  @ApiProperty({ type: 'integer' }) noAction: number;
  @ApiProperty({ type: 'integer' }) decidedWithoutContact: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) shareWrittenWarning: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) shareProsecution: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) shareNoAction: number;
  @ApiProperty({ type: 'number', nullable: true }) medianWorkingDaysBreachToDecision: number | null;
  @ApiProperty({ type: 'integer' }) failuresWithReasonableExcuse: number;
}

export class ConsistencyReportView {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: [AgencyConsistencyView] })
  agencies: AgencyConsistencyView[];
}
