import 'reflect-metadata';

export { CloudEvent, EVENT_TYPE_PATTERN, TENANT_PATTERN } from './envelope/cloud-event.js';
export { newEvent, type NewEventAttributes } from './envelope/new-event.js';
export { validateEvent, validateUncataloguedEvent, type EventValidation } from './envelope/validate-event.js';
export { defineEvent, type EventDefinition } from './event-definition.js';
export { catalogue, definitionOf } from './catalogue.js';
export { DEFAULT_SUBJECT_PREFIX, filterSubjectFor, streamSubjects, subjectFor } from './subjects.js';
export { IsCalendarDate, IsTimestamp } from './validators/time-formats.js';
export { IsNotGivenWith } from './validators/not-given-with.js';

export {
  CIN_REFERRAL_SOURCES,
  CIN_REFERRAL_SOURCE_CODES,
  type CinReferralSourceCode,
} from './referral/cin-referral-source.js';
export * from './referral/referral-values.js';
export {
  ActorSummary,
  ConsentSummary,
  ReferralCarerSummary,
  ReferralChildSummary,
  ReferralSourceSummary,
} from './referral/referral-summaries.js';
export { ReferralReceivedV1 } from './referral/referral-received.v1.js';
export { ReferralLinkedV1 } from './referral/referral-linked.v1.js';
export { ReferralDecidedV1 } from './referral/referral-decided.v1.js';
export { ReferralDecisionOverdueV1 } from './referral/referral-decision-overdue.v1.js';
export { ReferralWithdrawnV1 } from './referral/referral-withdrawn.v1.js';
export { ReferralEvents } from './referral/referral-events.js';

export {
  RECORD_ACCESS_ACTIONS,
  RecordAccessedV1,
  RecordAccessOrigin,
  RecordAccessor,
  type RecordAccessAction,
} from './access/record-accessed.v1.js';
export { AccessEvents } from './access/access-events.js';
export {
  BREAK_GLASS_LAWFUL_BASIS,
  BREAK_GLASS_REASONS,
  type BreakGlassReason,
} from './break-glass/break-glass-values.js';
export { BreakGlassGrantedV1 } from './break-glass/break-glass-granted.v1.js';
export { BreakGlassEndedV1 } from './break-glass/break-glass-ended.v1.js';
export { BreakGlassEvents } from './break-glass/break-glass-events.js';

export * from './order/order-values.js';
export {
  FamilyPersonSummary,
  OrderEventBase,
  OrderRequirementSummary,
  OrderStatusSummary,
} from './order/order-summaries.js';
export { OrderMadeV1 } from './order/order-made.v1.js';
export { OrderRequirementAddedV1 } from './order/order-requirement-added.v1.js';
export { OrderSessionScheduledV1 } from './order/order-session-scheduled.v1.js';
export { OrderComplianceRecordedV1 } from './order/order-compliance-recorded.v1.js';
export { OrderEnforcementOpenedV1 } from './order/order-enforcement-opened.v1.js';
export { OrderParentContactedV1 } from './order/order-parent-contacted.v1.js';
export { OrderContactOverdueV1 } from './order/order-contact-overdue.v1.js';
export { OrderEnforcementDecidedV1 } from './order/order-enforcement-decided.v1.js';
export { OrderProsecutionApprovalRequestedV1 } from './order/order-prosecution-approval-requested.v1.js';
export { OrderProsecutionApprovedV1 } from './order/order-prosecution-approved.v1.js';
export { OrderProsecutionRejectedV1 } from './order/order-prosecution-rejected.v1.js';
export { OrderVariationAppliedV1 } from './order/order-variation-applied.v1.js';
export { OrderVariedV1 } from './order/order-varied.v1.js';
export { OrderDischargedV1 } from './order/order-discharged.v1.js';
export { OrderApplicationRefusedV1 } from './order/order-application-refused.v1.js';
export { OrderAppealRecordedV1 } from './order/order-appeal-recorded.v1.js';
export { OrderExpiredV1 } from './order/order-expired.v1.js';
export { OrderCompletedV1 } from './order/order-completed.v1.js';
export { OrderEvents } from './order/order-events.js';

export * from './contract/contract-values.js';
export { ContractEventBase, ContractStatusSummary } from './contract/contract-summaries.js';
export { ContractDraftedV1 } from './contract/contract-drafted.v1.js';
export { ContractOfferedV1 } from './contract/contract-offered.v1.js';
export { ContractSignedV1 } from './contract/contract-signed.v1.js';
export { ContractRefusedV1 } from './contract/contract-refused.v1.js';
export { ContractBreachRecordedV1 } from './contract/contract-breach-recorded.v1.js';
export { ContractReviewedV1 } from './contract/contract-reviewed.v1.js';
export { ContractCompletedV1 } from './contract/contract-completed.v1.js';
export { ContractEndedEarlyV1 } from './contract/contract-ended-early.v1.js';
export { ContractEvents } from './contract/contract-events.js';

export * from './plan/plan-values.js';
export {
  FamilyLeadPreferenceRecord,
  PlanAction,
  PlanAgreement,
  PlanAssessmentSummary,
  PlanCarer,
  PlanChild,
  PlanLead,
  PlanMember,
  PlanOutcome,
  PlanPendingHandover,
  PlanProfessional,
  PlanSnapshot,
} from './plan/plan-summaries.js';
export { PlanOutcomeProgress, PlanReviewAttendee } from './plan/plan-review-summaries.js';
export { PlanOpenedV1 } from './plan/plan-opened.v1.js';
export { PlanConcernJoinedV1 } from './plan/plan-concern-joined.v1.js';
export { PlanAssessmentRecordedV1 } from './plan/plan-assessment-recorded.v1.js';
export { PlanLeadHandoverProposedV1 } from './plan/plan-lead-handover-proposed.v1.js';
export { PlanLeadHandoverDeclinedV1 } from './plan/plan-lead-handover-declined.v1.js';
export { PlanLeadChangedV1 } from './plan/plan-lead-changed.v1.js';
export { PlanMemberJoinedV1 } from './plan/plan-member-joined.v1.js';
export { PlanMemberLeftV1 } from './plan/plan-member-left.v1.js';
export { PlanOutcomesAgreedV1 } from './plan/plan-outcomes-agreed.v1.js';
export { PlanActionAddedV1 } from './plan/plan-action-added.v1.js';
export { PlanActionUpdatedV1 } from './plan/plan-action-updated.v1.js';
export { PlanActionOverdueV1 } from './plan/plan-action-overdue.v1.js';
export { PlanReviewRecordedV1 } from './plan/plan-review-recorded.v1.js';
export { PlanReviewOverdueV1 } from './plan/plan-review-overdue.v1.js';
export { PlanSteppedUpV1 } from './plan/plan-stepped-up.v1.js';
export { PlanSteppedDownV1 } from './plan/plan-stepped-down.v1.js';
export { PlanClosedV1 } from './plan/plan-closed.v1.js';
export { PlanAgreementWithdrawnV1 } from './plan/plan-agreement-withdrawn.v1.js';
export { PlanEvents } from './plan/plan-events.js';
export { childNameKey, type ChildIdentity } from './family/child-identity.js';
export { IsNhsNumber, isValidNhsNumber, normaliseNhsNumber } from './family/nhs-number.js';
export {
  IsPersonName,
  IsPersonNameSearch,
  isPersonName,
  isPersonNameSearch,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_RULE,
} from './family/person-name.js';
export { childDateViolations, type ChildDates, type ChildDateViolation } from './family/child-dates.rules.js';

export { buildAsyncApiDocument, renderAsyncApiJson, type AsyncApiDocument } from './asyncapi/asyncapi-document.js';
export { PRODUCING_SERVICES, producerOf } from './asyncapi/producers.js';
export { componentSchemasOf, type JsonSchema } from './asyncapi/json-schema.js';
