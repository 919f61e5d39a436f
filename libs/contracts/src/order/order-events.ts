import { defineEvent } from '../event-definition.js';
import { OrderAppealRecordedV1 } from './order-appeal-recorded.v1.js';
import { OrderApplicationRefusedV1 } from './order-application-refused.v1.js';
import { OrderCompletedV1 } from './order-completed.v1.js';
import { OrderComplianceRecordedV1 } from './order-compliance-recorded.v1.js';
import { OrderContactOverdueV1 } from './order-contact-overdue.v1.js';
import { OrderDischargedV1 } from './order-discharged.v1.js';
import { OrderEnforcementDecidedV1 } from './order-enforcement-decided.v1.js';
import { OrderEnforcementOpenedV1 } from './order-enforcement-opened.v1.js';
import { OrderExpiredV1 } from './order-expired.v1.js';
import { OrderMadeV1 } from './order-made.v1.js';
import { OrderParentContactedV1 } from './order-parent-contacted.v1.js';
import { OrderProsecutionApprovalRequestedV1 } from './order-prosecution-approval-requested.v1.js';
import { OrderProsecutionApprovedV1 } from './order-prosecution-approved.v1.js';
import { OrderProsecutionRejectedV1 } from './order-prosecution-rejected.v1.js';
import { OrderRequirementAddedV1 } from './order-requirement-added.v1.js';
import { OrderSessionScheduledV1 } from './order-session-scheduled.v1.js';
import { OrderVariationAppliedV1 } from './order-variation-applied.v1.js';
import { OrderVariedV1 } from './order-varied.v1.js';

export const OrderEvents = {
  made: defineEvent({
    aggregate: 'order',
    name: 'made',
    version: 1,
    payload: OrderMadeV1,
    summary: 'A court made a parenting order; its requirements, children and parents were recorded.',
  }),
  requirementAdded: defineEvent({
    aggregate: 'order',
    name: 'requirement-added',
    version: 1,
    payload: OrderRequirementAddedV1,
    summary: 'A requirement was added to an order in force.',
  }),
  sessionScheduled: defineEvent({
    aggregate: 'order',
    name: 'session-scheduled',
    version: 1,
    payload: OrderSessionScheduledV1,
    summary: 'A parenting programme session was scheduled.',
  }),
  complianceRecorded: defineEvent({
    aggregate: 'order',
    name: 'compliance-recorded',
    version: 1,
    payload: OrderComplianceRecordedV1,
    summary: 'Compliance with a session or requirement was recorded.',
  }),
  enforcementOpened: defineEvent({
    aggregate: 'order',
    name: 'enforcement-opened',
    version: 1,
    payload: OrderEnforcementOpenedV1,
    summary:
      'An apparent breach opened an enforcement case; the parent must be contacted by the end of the next working day after the breach itself (recordedLate when entered after that).',
  }),
  parentContacted: defineEvent({
    aggregate: 'order',
    name: 'parent-contacted',
    version: 1,
    payload: OrderParentContactedV1,
    summary: 'The parent was contacted about an apparent breach.',
  }),
  contactOverdue: defineEvent({
    aggregate: 'order',
    name: 'contact-overdue',
    version: 1,
    payload: OrderContactOverdueV1,
    summary: 'An apparent breach passed 1 working day (counted from the breach) with no contact with the parent.',
  }),
  enforcementDecided: defineEvent({
    aggregate: 'order',
    name: 'enforcement-decided',
    version: 1,
    payload: OrderEnforcementDecidedV1,
    summary:
      'The responsible officer decided on an apparent breach: no action, written warning or prosecution referral (takesEffect false until approved); decidedWithoutContact when before any contact.',
  }),
  prosecutionApprovalRequested: defineEvent({
    aggregate: 'order',
    name: 'prosecution-approval-requested',
    version: 1,
    payload: OrderProsecutionApprovalRequestedV1,
    summary: 'A prosecution referral awaits approval by a manager other than the deciding officer.',
    urgent: true,
  }),
  prosecutionApproved: defineEvent({
    aggregate: 'order',
    name: 'prosecution-approved',
    version: 1,
    payload: OrderProsecutionApprovedV1,
    summary: 'A second approver confirmed a prosecution referral; it takes effect.',
    urgent: true,
  }),
  prosecutionRejected: defineEvent({
    aggregate: 'order',
    name: 'prosecution-rejected',
    version: 1,
    payload: OrderProsecutionRejectedV1,
    summary: 'A second approver rejected a prosecution referral; the officer decides again.',
  }),
  variationApplied: defineEvent({
    aggregate: 'order',
    name: 'variation-applied',
    version: 1,
    payload: OrderVariationAppliedV1,
    summary: 'An application to vary or discharge the order was made to the court.',
  }),
  varied: defineEvent({
    aggregate: 'order',
    name: 'varied',
    version: 1,
    payload: OrderVariedV1,
    summary: 'The court varied the order.',
  }),
  discharged: defineEvent({
    aggregate: 'order',
    name: 'discharged',
    version: 1,
    payload: OrderDischargedV1,
    summary: 'The court discharged the order.',
  }),
  applicationRefused: defineEvent({
    aggregate: 'order',
    name: 'application-refused',
    version: 1,
    payload: OrderApplicationRefusedV1,
    summary: 'An application to vary or discharge was refused or withdrawn.',
  }),
  appealRecorded: defineEvent({
    aggregate: 'order',
    name: 'appeal-recorded',
    version: 1,
    payload: OrderAppealRecordedV1,
    summary: 'An appeal against the order was lodged or decided.',
  }),
  expired: defineEvent({
    aggregate: 'order',
    name: 'expired',
    version: 1,
    payload: OrderExpiredV1,
    summary: 'The order reached the end of its requirements period.',
  }),
  completed: defineEvent({
    aggregate: 'order',
    name: 'completed',
    version: 1,
    payload: OrderCompletedV1,
    summary: 'The responsible officer recorded the order completed.',
  }),
} as const;
