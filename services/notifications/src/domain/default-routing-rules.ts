import { DEFAULT_ORDER_RULES } from './default-order-rules.js';
import { DEFAULT_PLAN_RULES } from './default-plan-rules.js';
import type { RoutingRule } from './routing-rule.js';

const REFERRAL_IDS = ['referralId', 'familyId'];

/** Everything the triage team holds: the receiving agency is entitled to the whole referral. */
const WHOLE_REFERRAL = [
  ...REFERRAL_IDS,
  'receivedAt',
  'decisionDueAt',
  'sourceCode',
  'source',
  'receivingAgencyId',
  'proposedLevelOfNeed',
  'urgency',
  'consent',
  'concernCategories',
  'children',
  'carers',
  'linkedToReferralId',
];

/**
 * Referrals. Each audience names only the fields its relationship needs; the referrer learns the outcome but not the
 * triage team's reasons or allocation, as in the referrals service's own referrer view.
 */
const REFERRAL_RULES: readonly RoutingRule[] = [
  {
    eventType: 'baton.referral.received.v1',
    urgentWhen: [{ field: 'urgency', equals: 'urgent' }],
    remember: 'referrer',
    audiences: [
      {
        relationship: 'receiving-agency',
        agencies: { field: 'receivingAgencyId' },
        people: { roles: ['triager'] },
        fields: WHOLE_REFERRAL,
      },
    ],
  },
  {
    eventType: 'baton.referral.linked.v1',
    audiences: [
      {
        relationship: 'open-referral-holder',
        agencies: { field: 'ownerAgencyId' },
        people: { roles: ['triager'] },
        fields: [...REFERRAL_IDS, 'linkedToReferralId', 'matchedChildIds', 'receivedAt'],
      },
    ],
  },
  {
    eventType: 'baton.referral.decided.v1',
    urgentWhen: [{ field: 'urgent', equals: true }],
    audiences: [
      {
        relationship: 'referrer',
        agencies: { field: 'referrerAgencyId' },
        fields: [...REFERRAL_IDS, 'outcome', 'levelOfNeed', 'decidedAt', 'urgent'],
      },
      {
        relationship: 'referrer',
        agencies: { remembered: 'referrer' },
        people: { remembered: 'referrer' },
        agencyChannels: false,
        fields: [...REFERRAL_IDS, 'outcome', 'levelOfNeed', 'decidedAt', 'urgent'],
      },
      {
        // The worker the family was allocated to hears it in person: they lead the plan that opens.
        relationship: 'allocated-worker',
        agencies: { field: 'receivingAgencyId' },
        people: { field: 'allocatedWorkerId' },
        agencyChannels: false,
        fields: [
          ...REFERRAL_IDS,
          'outcome',
          'levelOfNeed',
          'decidedAt',
          'urgent',
          'allocatedWorkerId',
          'allocatedTeamId',
        ],
      },
      {
        // Step up to children's social care: statutory duty to act at once (Children Act 1989 s.47 enquiries).
        relationship: 'childrens-social-care',
        agencies: { kind: 'childrens-social-care' },
        people: { roles: ['triager'] },
        only: [{ field: 'outcome', equals: 'step-up-social-care' }],
        fields: [
          ...REFERRAL_IDS,
          'outcome',
          'levelOfNeed',
          'reasons',
          'decidedAt',
          'decidedBy',
          'receivingAgencyId',
          'urgent',
          'consent',
          'children',
          'carers',
        ],
      },
    ],
  },
  {
    eventType: 'baton.referral.decision-overdue.v1',
    urgentWhen: [{ field: 'urgency', equals: 'urgent' }],
    audiences: [
      {
        relationship: 'manager',
        agencies: { field: 'receivingAgencyId' },
        people: { roles: ['manager'] },
        fields: [...REFERRAL_IDS, 'receivingAgencyId', 'decisionDueAt', 'detectedAt', 'urgency'],
      },
    ],
  },
  {
    eventType: 'baton.referral.withdrawn.v1',
    audiences: [
      {
        relationship: 'receiving-agency',
        agencies: { field: 'receivingAgencyId' },
        people: { roles: ['triager'] },
        fields: [...REFERRAL_IDS, 'withdrawnAt', 'reason', 'withdrawnBy.name', 'receivingAgencyId'],
      },
    ],
  },
];

/** The routing rules a deployment starts with (README: Notifications lists them in words). */
export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = [
  ...REFERRAL_RULES,
  ...DEFAULT_PLAN_RULES,
  ...DEFAULT_ORDER_RULES,
];
