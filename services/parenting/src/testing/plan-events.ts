import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { newEvent, PlanEvents, subjectFor, type EventDefinition, type PlanSnapshot } from '@baton/contracts';
import type { TestInfra } from '@baton/testing';

/** Invented demo people on a TAF plan: the hub worker leads, the school is a member. */
const HUB_LEAD = {
  personId: 'hub-triager',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-early-help-hub',
  agencyName: 'Demo Early Help Hub',
  role: 'Family support worker',
  email: 'tamsin.quillfeather@demo-borough.example.org',
};

function member(agencyId: string, agencyName: string, personId: string) {
  return {
    memberId: randomUUID(),
    agencyId,
    agencyName,
    personId,
    contactName: personId,
    role: 'member',
    joinedAt: '2026-01-10T09:00:00Z',
  };
}

/** A plan as the taf service's events carry it, open with the hub worker as lead and the school as member. */
export function openPlanSnapshot(): PlanSnapshot {
  return {
    status: 'open',
    levelOfNeed: 3,
    origin: 'practitioner',
    openedAt: '2026-01-10T09:00:00Z',
    referralIds: [],
    children: [{ childId: randomUUID(), givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2014-06-01' }],
    carers: [{ carerId: randomUUID(), givenName: 'Jo', familyName: 'Testcase', relationship: 'mother' }],
    lead: { professional: HUB_LEAD, since: '2026-01-10T09:00:00Z' },
    members: [
      member('demo-early-help-hub', 'Demo Early Help Hub', 'hub-triager'),
      member('demo-oakfield-primary', 'Oakfield Primary School', 'school-dsl'),
    ],
    outcomes: [],
    actions: [],
    reviewCadenceWeeks: 6,
    nextReviewDate: '2026-02-21',
    agreement: { status: 'agreed', agreedAt: '2026-01-10T09:00:00Z' },
  };
}

/** Publishes a plan event onto the test's stream, as the taf service's relay would. */
export async function publishPlanEvent(
  infra: TestInfra,
  definition: EventDefinition,
  planId: string,
  familyId: string,
  data: Record<string, unknown>,
): Promise<void> {
  const connection = await connect({ servers: infra.natsUrl });
  try {
    const event = newEvent(definition as EventDefinition<Record<string, unknown>>, {
      source: 'baton/taf',
      subject: planId,
      tenant: 'demo',
      familyid: familyId,
      actor: 'hub-triager',
      data: { planId, familyId, ...data },
    });
    await jetstream(connection).publish(subjectFor(infra.subjectPrefix, 'demo', definition), JSON.stringify(event), {
      msgID: event.id,
    });
  } finally {
    await connection.close();
  }
}

export const ACTOR = { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' };
export { PlanEvents };
