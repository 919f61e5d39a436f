import { defineEvent } from '../event-definition.js';
import { PlanActionAddedV1 } from './plan-action-added.v1.js';
import { PlanActionOverdueV1 } from './plan-action-overdue.v1.js';
import { PlanActionUpdatedV1 } from './plan-action-updated.v1.js';
import { PlanAgreementWithdrawnV1 } from './plan-agreement-withdrawn.v1.js';
import { PlanAssessmentRecordedV1 } from './plan-assessment-recorded.v1.js';
import { PlanClosedV1 } from './plan-closed.v1.js';
import { PlanConcernJoinedV1 } from './plan-concern-joined.v1.js';
import { PlanLeadChangedV1 } from './plan-lead-changed.v1.js';
import { PlanLeadHandoverDeclinedV1 } from './plan-lead-handover-declined.v1.js';
import { PlanLeadHandoverProposedV1 } from './plan-lead-handover-proposed.v1.js';
import { PlanMemberJoinedV1 } from './plan-member-joined.v1.js';
import { PlanMemberLeftV1 } from './plan-member-left.v1.js';
import { PlanOpenedV1 } from './plan-opened.v1.js';
import { PlanOutcomesAgreedV1 } from './plan-outcomes-agreed.v1.js';
import { PlanReviewOverdueV1 } from './plan-review-overdue.v1.js';
import { PlanReviewRecordedV1 } from './plan-review-recorded.v1.js';
import { PlanSteppedDownV1 } from './plan-stepped-down.v1.js';
import { PlanSteppedUpV1 } from './plan-stepped-up.v1.js';

const plan = { aggregate: 'plan', version: 1 } as const;

/**
 * Team Around the Family plan events, published by the taf service. Every one carries `planId`, `familyId`,
 * `planVersion` (monotonic per plan) and the plan as it stands after the change (`plan`).
 */
export const PlanEvents = {
  opened: defineEvent({
    ...plan,
    name: 'opened',
    payload: PlanOpenedV1,
    summary: 'A Team Around the Family plan opened with a named lead professional.',
  }),
  concernJoined: defineEvent({
    ...plan,
    name: 'concern-joined',
    payload: PlanConcernJoinedV1,
    summary:
      'A referral about a child already in an open plan joined that plan; its lead is told. The referral’s family (referralFamilyId) becomes the plan’s family (familyId).',
  }),
  assessmentRecorded: defineEvent({
    ...plan,
    name: 'assessment-recorded',
    payload: PlanAssessmentRecordedV1,
    summary: 'An early help assessment was recorded (its content stays in taf) and shared with named agencies.',
  }),
  leadHandoverProposed: defineEvent({
    ...plan,
    name: 'lead-handover-proposed',
    payload: PlanLeadHandoverProposedV1,
    summary: 'A new lead professional was proposed; the current lead stays until the proposed lead accepts.',
  }),
  leadHandoverDeclined: defineEvent({
    ...plan,
    name: 'lead-handover-declined',
    payload: PlanLeadHandoverDeclinedV1,
    summary: 'The proposed lead professional declined the handover.',
  }),
  leadChanged: defineEvent({
    ...plan,
    name: 'lead-changed',
    payload: PlanLeadChangedV1,
    summary: "The plan's lead professional changed, with the new lead's name, agency, role and contact.",
  }),
  memberJoined: defineEvent({
    ...plan,
    name: 'member-joined',
    payload: PlanMemberJoinedV1,
    summary: 'An agency joined the Team Around the Family.',
  }),
  memberLeft: defineEvent({
    ...plan,
    name: 'member-left',
    payload: PlanMemberLeftV1,
    summary: 'An agency left the Team Around the Family.',
  }),
  outcomesAgreed: defineEvent({
    ...plan,
    name: 'outcomes-agreed',
    payload: PlanOutcomesAgreedV1,
    summary: 'The outcomes agreed with the family were recorded or changed.',
  }),
  actionAdded: defineEvent({
    ...plan,
    name: 'action-added',
    payload: PlanActionAddedV1,
    summary: 'An action was added for a member agency, with a due date.',
  }),
  actionUpdated: defineEvent({
    ...plan,
    name: 'action-updated',
    payload: PlanActionUpdatedV1,
    summary: 'A member agency updated one of its actions.',
  }),
  actionOverdue: defineEvent({
    ...plan,
    name: 'action-overdue',
    payload: PlanActionOverdueV1,
    summary: 'An action passed its due date undone.',
  }),
  reviewRecorded: defineEvent({
    ...plan,
    name: 'review-recorded',
    payload: PlanReviewRecordedV1,
    summary: 'A plan review was recorded, with progress per outcome and the next review date.',
  }),
  reviewOverdue: defineEvent({
    ...plan,
    name: 'review-overdue',
    payload: PlanReviewOverdueV1,
    summary: 'A plan review date passed with no review recorded.',
  }),
  steppedUp: defineEvent({
    ...plan,
    name: 'stepped-up',
    payload: PlanSteppedUpV1,
    summary: "The family was stepped up to children's social care; act at once.",
    urgent: true,
  }),
  steppedDown: defineEvent({
    ...plan,
    name: 'stepped-down',
    payload: PlanSteppedDownV1,
    summary: 'The family was stepped down to universal services.',
  }),
  closed: defineEvent({
    ...plan,
    name: 'closed',
    payload: PlanClosedV1,
    summary: 'The plan closed with a reason.',
  }),
  agreementWithdrawn: defineEvent({
    ...plan,
    name: 'agreement-withdrawn',
    payload: PlanAgreementWithdrawnV1,
    summary: 'The family withdrew its agreement; no new information flows to partners.',
  }),
} as const;
