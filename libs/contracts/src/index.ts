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

export { buildAsyncApiDocument, renderAsyncApiJson, type AsyncApiDocument } from './asyncapi/asyncapi-document.js';
export { PRODUCING_SERVICES, producerOf } from './asyncapi/producers.js';
export type { JsonSchema } from './asyncapi/json-schema.js';
