import { defineEvent } from '../event-definition.js';
import { ReferralDecidedV1 } from './referral-decided.v1.js';
import { ReferralDecisionOverdueV1 } from './referral-decision-overdue.v1.js';
import { ReferralLinkedV1 } from './referral-linked.v1.js';
import { ReferralReceivedV1 } from './referral-received.v1.js';
import { ReferralWithdrawnV1 } from './referral-withdrawn.v1.js';

export const ReferralEvents = {
  received: defineEvent({
    aggregate: 'referral',
    name: 'received',
    version: 1,
    payload: ReferralReceivedV1,
    summary: 'A referral about a family was received and awaits triage.',
  }),
  linked: defineEvent({
    aggregate: 'referral',
    name: 'linked',
    version: 1,
    payload: ReferralLinkedV1,
    summary: 'A referral was linked to an open referral about the same children.',
  }),
  decided: defineEvent({
    aggregate: 'referral',
    name: 'decided',
    version: 1,
    payload: ReferralDecidedV1,
    summary:
      'Triage decided a referral; urgent when stepped up to social care. An allocated worker is named by allocatedWorkerId, a person of the tenant.',
  }),
  decisionOverdue: defineEvent({
    aggregate: 'referral',
    name: 'decision-overdue',
    version: 1,
    payload: ReferralDecisionOverdueV1,
    summary: 'A referral passed its triage deadline without a decision.',
  }),
  withdrawn: defineEvent({
    aggregate: 'referral',
    name: 'withdrawn',
    version: 1,
    payload: ReferralWithdrawnV1,
    summary: 'A referral was withdrawn before a decision.',
  }),
} as const;
