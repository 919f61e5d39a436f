import { randomUUID } from 'node:crypto';
import { newEvent, OrderEvents, type CloudEvent, type OrderState } from '@baton/contracts';
import type { FamilyFixture } from './view-events.fixture.js';

const officer = { personId: 'ewo-officer', name: 'Felix Orchardson', agencyId: 'demo-education-welfare' };

/** A parenting order's life as the parenting service would publish it, each step raising `version`. */
export class OrderScript {
  readonly orderId = randomUUID();
  version = 0;

  constructor(
    readonly family: FamilyFixture,
    readonly holdingAgencyId = officer.agencyId,
  ) {}

  made(): CloudEvent {
    return this.next(OrderEvents.made, 'in-force', {
      legalBasis: 'sa-2020-s369',
      courtKind: 'magistrates-court',
      courtName: 'Demo Magistrates Court',
      appealRoute: 'crown-court',
      children: [{ personId: this.family.child.childId, givenName: 'Alfie', familyName: 'Testcase' }],
      parents: [{ personId: this.family.carer.carerId, givenName: 'Jo', familyName: 'Testcase' }],
      requirements: [
        {
          requirementId: randomUUID(),
          kind: 'programme',
          description: 'Attend a parenting programme',
          startsOn: '2026-11-23',
          endsOn: '2027-02-22',
          setting: 'non-residential',
        },
      ],
      programmeOmitted: false,
    });
  }

  discharged(): CloudEvent {
    return this.next(OrderEvents.discharged, 'discharged', { applicationId: randomUUID(), dischargedOn: '2027-01-10' });
  }

  private next(definition: (typeof OrderEvents)[keyof typeof OrderEvents], state: OrderState, rest: object) {
    this.version += 1;
    return newEvent(definition as typeof OrderEvents.made, {
      source: 'baton/parenting',
      subject: this.orderId,
      tenant: this.family.tenant,
      familyid: this.family.familyId,
      actor: officer.personId,
      data: {
        orderId: this.orderId,
        familyId: this.family.familyId,
        version: this.version,
        holdingAgencyId: this.holdingAgencyId,
        holdingAgencyKind: 'education-welfare',
        responsibleOfficer: officer,
        status: { state, madeOn: '2026-11-23', requirementsEndOn: '2027-11-22', openEnforcementCases: 0 },
        occurredAt: '2026-11-23T11:00:00.000Z',
        ...rest,
      } as never,
    });
  }
}
