import type { Audience, RoutingRule } from './routing-rule.js';

/** Where an order stands; offence detail and the parent's explanations never leave the parenting service. */
const ORDER_IDS = ['orderId', 'familyId', 'version', 'holdingAgencyId', 'status', 'occurredAt'];
const CONTRACT_IDS = ['contractId', 'familyId', 'version', 'providerAgencyId', 'status', 'occurredAt'];

function responsibleOfficer(fields: string[], ids: string[] = ORDER_IDS): Audience {
  return {
    relationship: 'responsible-officer',
    agencies: { field: 'responsibleOfficer.agencyId' },
    people: { at: 'responsibleOfficer', person: 'personId', agency: 'agencyId' },
    fields: [...ids, 'responsibleOfficer.name', ...fields],
  };
}

function managers(agencyField: string, fields: string[], ids: string[] = ORDER_IDS): Audience {
  return {
    relationship: 'manager',
    agencies: { field: agencyField },
    people: { roles: ['manager'] },
    agencyChannels: false,
    fields: [...ids, 'responsibleOfficer.name', ...fields],
  };
}

const BREACH = ['enforcementId', 'requirementKind', 'breachOn', 'contactDueAt'];

/**
 * Parenting orders and contracts. Practice after an apparent breach is to contact the parent within one working
 * day (DOMAIN.md, Enforcement), so breach and missed-contact events are urgent and never wait for a digest; the
 * prosecution steps are urgent by their contract.
 */
export const DEFAULT_ORDER_RULES: readonly RoutingRule[] = [
  {
    eventType: 'baton.order.enforcement-opened.v1',
    urgentWhen: true,
    audiences: [responsibleOfficer(BREACH), managers('holdingAgencyId', BREACH)],
  },
  {
    eventType: 'baton.order.contact-overdue.v1',
    urgentWhen: true,
    audiences: [
      responsibleOfficer(['enforcementId', 'breachOn', 'contactDueAt', 'detectedAt']),
      managers('holdingAgencyId', ['enforcementId', 'breachOn', 'contactDueAt', 'detectedAt']),
    ],
  },
  {
    // Managers compare how consistently agencies respond to breaches (seeds/001 §5(b)).
    eventType: 'baton.order.enforcement-decided.v1',
    audiences: [
      managers('holdingAgencyId', [
        'enforcementId',
        'decision',
        'decidedAt',
        'decidedBy.name',
        'takesEffect',
        'workingDaysFromBreach',
      ]),
    ],
  },
  {
    eventType: 'baton.order.prosecution-approval-requested.v1',
    urgentWhen: true,
    audiences: [managers('holdingAgencyId', ['enforcementId', 'requestedBy.name', 'requestedAt'])],
  },
  {
    eventType: 'baton.order.prosecution-approved.v1',
    urgentWhen: true,
    audiences: [
      responsibleOfficer(['enforcementId', 'approvedBy.name', 'approvedAt']),
      managers('holdingAgencyId', ['enforcementId', 'approvedBy.name', 'approvedAt']),
    ],
  },
  {
    eventType: 'baton.order.prosecution-rejected.v1',
    audiences: [responsibleOfficer(['enforcementId', 'rejectedAt'])],
  },
  {
    eventType: 'baton.contract.breach-recorded.v1',
    audiences: [
      responsibleOfficer(['breachId', 'occurredOn', 'endsContract'], CONTRACT_IDS),
      managers('providerAgencyId', ['breachId', 'occurredOn', 'endsContract'], CONTRACT_IDS),
    ],
  },
];
