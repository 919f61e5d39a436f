import { randomUUID } from 'node:crypto';
import {
  newEvent,
  PlanEvents,
  type CloudEvent,
  type EventDefinition,
  type PlanMember,
  type PlanProfessional,
  type PlanSnapshot,
} from '@baton/contracts';
import type { FamilyFixture } from './view-events.fixture.js';

/** Invented practitioners of the demo tenant who lead or sit on plans. */
export const PROFESSIONALS = {
  adultWorker: {
    personId: 'adult-worker',
    name: 'Callum Dewbury',
    agencyId: 'demo-adult-services',
    agencyName: 'Demo Adult Services',
    role: 'Family support worker',
    email: 'callum.dewbury@demo-borough.example.org',
    phone: '01632 960101',
  },
  yotOfficer: {
    personId: 'yot-officer',
    name: 'Owen Thistlecombe',
    agencyId: 'demo-yot',
    agencyName: 'Demo Youth Offending Team',
    role: 'Case manager',
    email: 'owen.thistlecombe@demo-borough.example.org',
  },
  schoolDsl: {
    personId: 'school-dsl',
    name: 'Priya Lanternby',
    agencyId: 'demo-oakfield-primary',
    agencyName: 'Oakfield Primary School',
    role: 'Designated safeguarding lead',
    email: 'priya.lanternby@oakfield-primary.example.org',
  },
} satisfies Record<string, PlanProfessional>;

const actor = { personId: 'adult-worker', name: 'Callum Dewbury', agencyId: 'demo-adult-services' };

function memberOf(p: PlanProfessional, joinedAt: string): PlanMember {
  return Object.assign(
    { memberId: randomUUID(), agencyId: p.agencyId, agencyName: p.agencyName, personId: p.personId },
    { contactName: p.name, role: p.role, email: p.email, joinedAt },
    p.phone ? { phone: p.phone } : {},
  );
}

/**
 * A plan's life as the taf service would publish it: each step raises `planVersion` and carries the whole
 * snapshot, so events can be published in any order to test the views' version checks.
 */
export class PlanScript {
  readonly planId = randomUUID();
  version = 0;
  snapshot: PlanSnapshot;
  private clock = new Date('2026-11-23T10:00:00Z');

  constructor(
    readonly family: FamilyFixture,
    lead: PlanProfessional = PROFESSIONALS.adultWorker,
    members: PlanProfessional[] = [PROFESSIONALS.schoolDsl],
  ) {
    const at = this.clock.toISOString();
    this.snapshot = {
      status: 'open',
      levelOfNeed: 3,
      origin: 'referral',
      openedAt: at,
      referralIds: [family.referralId],
      children: [family.child],
      carers: [family.carer],
      lead: { professional: lead, since: at },
      members: [lead, ...members].map((p) => memberOf(p, at)),
      outcomes: [],
      actions: [],
      reviewCadenceWeeks: 6,
      nextReviewDate: '2027-01-04',
      agreement: { status: 'agreed', agreedAt: at },
    };
  }

  opened(): CloudEvent {
    return this.next(PlanEvents.opened, () => ({
      origin: 'referral',
      referralId: this.family.referralId,
      openedAt: this.snapshot.openedAt,
      openedBy: actor,
    }));
  }

  memberJoined(p: PlanProfessional): CloudEvent {
    const member = memberOf(p, this.tick());
    this.snapshot = { ...this.snapshot, members: [...this.snapshot.members, member] };
    return this.next(PlanEvents.memberJoined, () => ({ member, addedBy: actor }));
  }

  memberLeft(agencyId: string): CloudEvent {
    const member = this.snapshot.members.find((m) => m.agencyId === agencyId);
    if (member === undefined) throw new Error(`${agencyId} is not a member`);
    this.snapshot = { ...this.snapshot, members: this.snapshot.members.filter((m) => m !== member) };
    return this.next(PlanEvents.memberLeft, () => ({
      member,
      leftAt: this.clock.toISOString(),
      reason: 'No longer working with the family.',
      removedBy: actor,
    }));
  }

  leadChanged(lead: PlanProfessional): CloudEvent {
    const previousLead = this.snapshot.lead.professional;
    const effectiveAt = this.tick();
    const members = this.snapshot.members.some((m) => m.agencyId === lead.agencyId)
      ? this.snapshot.members
      : [...this.snapshot.members, memberOf(lead, effectiveAt)];
    this.snapshot = { ...this.snapshot, lead: { professional: lead, since: effectiveAt }, members };
    return this.next(PlanEvents.leadChanged, () => ({
      handoverId: randomUUID(),
      lead,
      previousLead,
      effectiveAt,
      familyPreference: { preference: 'agrees' as const },
    }));
  }

  actionAdded(ownerAgencyId: string, dueDate: string): CloudEvent {
    const outcomeId = randomUUID();
    const action = {
      actionId: randomUUID(),
      outcomeId,
      description: 'Meet the family at home',
      ownerAgencyId,
      dueDate,
      status: 'not-started' as const,
      overdue: false,
    };
    this.snapshot = {
      ...this.snapshot,
      outcomes: [...this.snapshot.outcomes, { outcomeId, headlineOutcome: 'education', description: 'Attend school' }],
      actions: [...this.snapshot.actions, action],
    };
    this.tick();
    return this.next(PlanEvents.actionAdded, () => ({ action, addedBy: actor }));
  }

  /** A referral about a child of this plan, filed under a family of its own, joins the plan. */
  concernJoined(referral: FamilyFixture): CloudEvent {
    const joinedAt = this.tick();
    this.snapshot = { ...this.snapshot, referralIds: [...this.snapshot.referralIds, referral.referralId] };
    return this.next(PlanEvents.concernJoined, () => ({
      referralId: referral.referralId,
      referralFamilyId: referral.familyId,
      matchedChildIds: [this.family.child.childId],
      addedChildIds: [],
      addedCarerIds: [],
      joinedAt,
      decidedBy: actor,
    }));
  }

  closed(): CloudEvent {
    const closedAt = this.tick();
    this.snapshot = { ...this.snapshot, status: 'closed', closedAt, closureReason: 'needs-met' };
    delete this.snapshot.nextReviewDate;
    return this.next(PlanEvents.closed, () => ({ reason: 'needs-met' as const, closedAt, closedBy: actor }));
  }

  private tick(): string {
    this.clock = new Date(this.clock.getTime() + 60_000);
    return this.clock.toISOString();
  }

  private next<T extends object>(definition: EventDefinition<T>, rest: () => object): CloudEvent {
    this.version += 1;
    const data = {
      planId: this.planId,
      familyId: this.family.familyId,
      planVersion: this.version,
      plan: structuredClone(this.snapshot),
      ...rest(),
    } as unknown as T;
    return newEvent(definition, {
      source: 'baton/taf',
      subject: this.planId,
      tenant: this.family.tenant,
      familyid: this.family.familyId,
      actor: actor.personId,
      time: this.clock,
      data,
    });
  }
}
