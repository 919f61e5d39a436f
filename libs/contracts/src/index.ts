import 'reflect-metadata';

export { CloudEvent, EVENT_TYPE_PATTERN, TENANT_PATTERN } from './envelope/cloud-event.js';
export { newEvent, type NewEventAttributes } from './envelope/new-event.js';
export { validateEvent, type EventValidation } from './envelope/validate-event.js';
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

export { buildAsyncApiDocument, renderAsyncApiJson, type AsyncApiDocument } from './asyncapi/asyncapi-document.js';
export { PRODUCING_SERVICES, producerOf } from './asyncapi/producers.js';
export type { JsonSchema } from './asyncapi/json-schema.js';
