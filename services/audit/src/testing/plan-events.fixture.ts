import { newEvent, PlanEvents, type CloudEvent, type PlanSnapshot } from '@baton/contracts';
import { randomUUID } from 'node:crypto';

const LEAD = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-early-help-hub',
  agencyName: 'Demo Early Help Hub',
  role: 'Family support worker',
  email: 'tamsin.quillfeather@demo-borough.example.org',
};
const ACTOR = { personId: LEAD.personId, name: LEAD.name, agencyId: LEAD.agencyId };

export interface PlannedFamily {
  referralId: string;
  familyId: string;
  children: { childId: string; givenName: string; familyName: string; dateOfBirth?: string }[];
  carers: { carerId: string; givenName: string; familyName: string; relationship: string }[];
}

/** A plan opened from an accepted referral, as the taf service publishes it (invented content). */
export function planOpened(from: PlannedFamily, openedAt: string): CloudEvent {
  const planId = randomUUID();
  const outcomeId = randomUUID();
  const plan: PlanSnapshot = {
    status: 'open',
    levelOfNeed: 3,
    origin: 'referral',
    openedAt,
    referralIds: [from.referralId],
    children: from.children,
    carers: from.carers,
    lead: { professional: LEAD, since: openedAt },
    members: [
      {
        memberId: randomUUID(),
        agencyId: LEAD.agencyId,
        agencyName: LEAD.agencyName,
        personId: LEAD.personId,
        contactName: LEAD.name,
        role: 'lead professional',
        email: LEAD.email,
        joinedAt: openedAt,
      },
    ],
    outcomes: [{ outcomeId, headlineOutcome: 'education', description: 'At school every day' }],
    actions: [],
    reviewCadenceWeeks: 6,
    nextReviewDate: '2026-12-17',
    agreement: { status: 'agreed', agreedAt: openedAt },
  };
  return newEvent(PlanEvents.opened, {
    source: 'baton/taf',
    subject: planId,
    tenant: 'demo',
    familyid: from.familyId,
    actor: ACTOR.personId,
    actoragency: ACTOR.agencyId,
    time: new Date(openedAt),
    data: {
      planId,
      familyId: from.familyId,
      planVersion: 1,
      plan,
      origin: 'referral',
      referralId: from.referralId,
      openedAt,
      openedBy: ACTOR,
    },
  });
}
