import type { Audience, RoutingRule } from './routing-rule.js';

const PLAN_IDS = ['planId', 'familyId', 'planVersion'];

/**
 * What any member agency of a Team Around the Family may see of a plan: where it stands, who holds the baton and how
 * to reach them, the next review, and its own actions — not other agencies' actions, nor the family's details, which
 * members read in Baton itself where each read is recorded.
 */
const MEMBER_VIEW_OF_PLAN = ['plan.status', 'plan.lead', 'plan.nextReviewDate', 'plan.actions[ownerAgencyId=$agency]'];

const EVERY_MEMBER = { agencies: { field: 'plan.members[].agencyId' } } as const;
const MEMBER_PEOPLE = { at: 'plan.members[]', person: 'personId', agency: 'agencyId' } as const;
const LEAD_PERSON = { at: 'plan.lead.professional', person: 'personId', agency: 'agencyId' } as const;

/** The lead professional, in person: told when member agencies act (DOMAIN.md, Notifications). */
function leadProfessional(fields: string[]): Audience {
  return {
    relationship: 'lead-professional',
    agencies: { field: 'plan.lead.professional.agencyId' },
    people: LEAD_PERSON,
    agencyChannels: false,
    fields: [...PLAN_IDS, ...fields],
  };
}

function members(fields: string[]): Audience {
  return { relationship: 'plan-member', ...EVERY_MEMBER, people: MEMBER_PEOPLE, fields: [...PLAN_IDS, ...fields] };
}

export const DEFAULT_PLAN_RULES: readonly RoutingRule[] = [
  {
    eventType: 'baton.plan.opened.v1',
    audiences: [members(['openedAt', ...MEMBER_VIEW_OF_PLAN]), leadProfessional(['openedAt', 'plan'])],
  },
  {
    eventType: 'baton.plan.concern-joined.v1',
    audiences: [leadProfessional(['referralId', 'matchedChildIds', 'addedChildIds', 'joinedAt'])],
  },
  {
    // Every member hears who holds the baton now, with the new lead's name and contact.
    eventType: 'baton.plan.lead-changed.v1',
    audiences: [
      members(['lead', 'previousLead.name', 'previousLead.agencyName', 'effectiveAt', ...MEMBER_VIEW_OF_PLAN]),
      {
        relationship: 'lead-professional',
        agencies: { field: 'lead.agencyId' },
        people: { at: 'lead', person: 'personId', agency: 'agencyId' },
        agencyChannels: false,
        fields: [...PLAN_IDS, 'lead', 'previousLead', 'effectiveAt', 'familyPreference', 'plan'],
      },
    ],
  },
  {
    eventType: 'baton.plan.lead-handover-proposed.v1',
    audiences: [
      {
        relationship: 'proposed-lead-professional',
        agencies: { field: 'proposedLead.agencyId' },
        people: { at: 'proposedLead', person: 'personId', agency: 'agencyId' },
        agencyChannels: false,
        fields: [...PLAN_IDS, 'handoverId', 'proposedLead', 'reason', 'proposedAt', 'proposedBy.name'],
      },
    ],
  },
  {
    eventType: 'baton.plan.member-joined.v1',
    audiences: [
      {
        relationship: 'plan-member',
        agencies: { field: 'member.agencyId' },
        people: { at: 'member', person: 'personId', agency: 'agencyId' },
        fields: [...PLAN_IDS, 'member', ...MEMBER_VIEW_OF_PLAN],
      },
      leadProfessional(['member', 'addedBy.name']),
    ],
  },
  {
    eventType: 'baton.plan.member-left.v1',
    audiences: [leadProfessional(['member.agencyName', 'member.contactName', 'leftAt'])],
  },
  {
    eventType: 'baton.plan.action-added.v1',
    audiences: [
      {
        relationship: 'action-owner',
        agencies: { field: 'action.ownerAgencyId' },
        people: { at: 'action', person: 'ownerPersonId', agency: 'ownerAgencyId' },
        fields: [...PLAN_IDS, 'action', 'plan.lead'],
      },
    ],
  },
  {
    eventType: 'baton.plan.action-updated.v1',
    audiences: [leadProfessional(['action', 'previousStatus', 'note', 'updatedBy.name', 'updatedBy.agencyId'])],
  },
  {
    eventType: 'baton.plan.action-overdue.v1',
    audiences: [
      {
        relationship: 'action-owner',
        agencies: { field: 'action.ownerAgencyId' },
        people: { at: 'action', person: 'ownerPersonId', agency: 'ownerAgencyId' },
        fields: [...PLAN_IDS, 'action', 'detectedAt', 'plan.lead'],
      },
      leadProfessional(['action', 'detectedAt']),
    ],
  },
  {
    // A missed review is a missed deadline: the lead professional and their agency's managers hear.
    eventType: 'baton.plan.review-overdue.v1',
    audiences: [
      leadProfessional(['reviewDueDate', 'detectedAt']),
      {
        relationship: 'manager',
        agencies: { field: 'plan.lead.professional.agencyId' },
        people: { roles: ['manager'] },
        agencyChannels: false,
        fields: [...PLAN_IDS, 'reviewDueDate', 'detectedAt', 'plan.lead'],
      },
    ],
  },
  {
    // Step-up to children's social care: urgent for social care and for every member (Children Act 1989 s.47).
    eventType: 'baton.plan.stepped-up.v1',
    urgentWhen: true,
    audiences: [
      {
        relationship: 'childrens-social-care',
        agencies: { field: 'toAgencyId' },
        people: { roles: ['triager'] },
        fields: [...PLAN_IDS, 'toAgencyId', 'reason', 'steppedUpAt', 'steppedUpBy', 'plan'],
      },
      members(['toAgencyId', 'steppedUpAt', 'plan.lead']),
    ],
  },
  {
    eventType: 'baton.plan.stepped-down.v1',
    audiences: [members(['steppedDownAt', 'plan.status', 'plan.lead'])],
  },
  {
    eventType: 'baton.plan.closed.v1',
    audiences: [members(['reason', 'closedAt', 'plan.lead'])],
  },
  {
    // The family withdrew agreement: members must stop sharing; they are told no more than that.
    eventType: 'baton.plan.agreement-withdrawn.v1',
    audiences: [members(['withdrawnAt', 'plan.status', 'plan.lead'])],
  },
];
