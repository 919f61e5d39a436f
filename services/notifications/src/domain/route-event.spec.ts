import { DEFAULT_ROUTING_RULES } from './default-routing-rules.js';
import { project } from './field-projection.js';
import { routeEvent } from './route-event.js';
import type { RememberedParties, TenantPeople } from './routing-rule.js';

const people: TenantPeople = {
  agencyExists: (id) => ['hub', 'school', 'csc', 'yot'].includes(id),
  agenciesOfKind: (kind) => (kind === 'childrens-social-care' ? ['csc'] : []),
  peopleWithRoles: (agency, roles) =>
    [
      { id: 'triager', agency: 'hub', roles: ['triager'] },
      { id: 'manager', agency: 'hub', roles: ['manager'] },
      { id: 'duty', agency: 'csc', roles: ['triager'] },
    ]
      .filter((p) => p.agency === agency && p.roles.some((r) => roles.includes(r)))
      .map((p) => p.id),
  agencyOfPerson: (id) => ({ triager: 'hub', manager: 'hub', teacher: 'school', duty: 'csc' })[id],
};
const none: RememberedParties = new Map();
const referrer: RememberedParties = new Map([['referrer', { personId: 'teacher', agencyId: 'school' }]]);

const decided = (outcome: string, urgent: boolean) => ({
  type: 'baton.referral.decided.v1',
  data: {
    referralId: 'r1',
    familyId: 'f1',
    outcome,
    levelOfNeed: 3,
    reasons: 'Triage reasons',
    decidedAt: '2026-11-20T15:00:00.000Z',
    decidedBy: { personId: 'triager', name: 'T', agencyId: 'hub' },
    receivingAgencyId: 'hub',
    referrerAgencyId: 'school',
    urgent,
    children: [{ childId: 'c1', givenName: 'Alfie' }],
  },
});

describe('routing rules', () => {
  it('sends a new referral to the receiving agency and its triagers, with the whole referral', () => {
    const recipients = routeEvent(
      {
        type: 'baton.referral.received.v1',
        data: { referralId: 'r1', receivingAgencyId: 'hub', urgency: 'routine', children: [{ givenName: 'Alfie' }] },
      },
      DEFAULT_ROUTING_RULES,
      people,
      none,
    );
    expect(recipients.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(['agency:hub', 'person:triager']);
    expect(recipients.every((r) => r.urgent === false)).toBe(true);
    expect(recipients[0].view).toMatchObject({ children: [{ givenName: 'Alfie' }] });
  });

  it('marks an urgent referral urgent for every recipient', () => {
    const [r] = routeEvent(
      { type: 'baton.referral.received.v1', data: { receivingAgencyId: 'hub', urgency: 'urgent' } },
      DEFAULT_ROUTING_RULES,
      people,
      none,
    );
    expect(r.urgent).toBe(true);
  });

  it('tells the referring agency and the remembered referrer the outcome, without reasons, decider or children', () => {
    const recipients = routeEvent(decided('accept-early-help', false), DEFAULT_ROUTING_RULES, people, referrer);
    expect(recipients.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(['agency:school', 'person:teacher']);
    for (const r of recipients) {
      expect(r.relationships).toEqual(['referrer']);
      expect(r.view).toEqual({
        referralId: 'r1',
        familyId: 'f1',
        outcome: 'accept-early-help',
        levelOfNeed: 3,
        decidedAt: '2026-11-20T15:00:00.000Z',
        urgent: false,
      });
    }
  });

  it('tells the allocated worker in person, and nothing of the reasons', () => {
    const event = decided('accept-early-help', false);
    const allocated = { ...event, data: { ...event.data, allocatedWorkerId: 'triager' } };
    const worker = routeEvent(allocated, DEFAULT_ROUTING_RULES, people, none).find((r) => r.id === 'triager');
    expect(worker).toMatchObject({ kind: 'person', agencyId: 'hub', relationships: ['allocated-worker'] });
    expect(worker?.view).toMatchObject({ outcome: 'accept-early-help', allocatedWorkerId: 'triager' });
    expect(worker?.view).not.toHaveProperty('reasons');
    expect(routeEvent(event, DEFAULT_ROUTING_RULES, people, none).map((r) => r.id)).not.toContain('triager');
  });

  it("reaches children's social care only on a step-up, urgently and with what it needs to act", () => {
    expect(
      routeEvent(decided('accept-early-help', false), DEFAULT_ROUTING_RULES, people, none).map((r) => r.id),
    ).not.toContain('csc');
    const stepUp = routeEvent(decided('step-up-social-care', true), DEFAULT_ROUTING_RULES, people, none);
    const duty = stepUp.find((r) => r.id === 'duty');
    expect(duty).toMatchObject({
      kind: 'person',
      agencyId: 'csc',
      urgent: true,
      relationships: ['childrens-social-care'],
    });
    expect(duty?.view).toMatchObject({ reasons: 'Triage reasons', children: [{ givenName: 'Alfie' }] });
  });

  it('tells only managers of the receiving agency that a decision is overdue', () => {
    const recipients = routeEvent(
      {
        type: 'baton.referral.decision-overdue.v1',
        data: { referralId: 'r1', receivingAgencyId: 'hub', urgency: 'routine' },
      },
      DEFAULT_ROUTING_RULES,
      people,
      none,
    );
    expect(recipients.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(['agency:hub', 'person:manager']);
  });

  it('reaches nobody for an agency the tenant does not know', () => {
    const recipients = routeEvent(
      { type: 'baton.referral.withdrawn.v1', data: { receivingAgencyId: 'nowhere' } },
      DEFAULT_ROUTING_RULES,
      people,
      none,
    );
    expect(recipients).toEqual([]);
  });
});

describe('minimisation by field allow-list', () => {
  const plan = {
    lead: { name: 'Lee', phone: '01632 960001' },
    actions: [
      { id: 'a1', ownerAgencyId: 'school', title: 'Attendance plan' },
      { id: 'a2', ownerAgencyId: 'yot', title: 'Offending work', offence: 'criminal damage' },
    ],
    offences: ['criminal damage'],
  };

  it("keeps only the recipient agency's own actions when a filter names $agency", () => {
    expect(project(plan, ['lead', 'actions[ownerAgencyId=$agency]'], { agency: 'school' })).toEqual({
      lead: plan.lead,
      actions: [{ id: 'a1', ownerAgencyId: 'school', title: 'Attendance plan' }],
    });
  });

  it('keeps named sub-fields of every element and leaves everything unnamed out', () => {
    expect(project(plan, ['lead.name', 'actions[].title'], {})).toEqual({
      lead: { name: 'Lee' },
      actions: [{ title: 'Attendance plan' }, { title: 'Offending work' }],
    });
  });
});
