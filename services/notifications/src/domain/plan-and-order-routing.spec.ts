import { DEFAULT_ROUTING_RULES } from './default-routing-rules.js';
import { routeEvent } from './route-event.js';
import type { TenantPeople } from './routing-rule.js';

const staff = [
  { id: 'lead-worker', agency: 'hub', roles: ['practitioner'] },
  { id: 'hub-boss', agency: 'hub', roles: ['manager'] },
  { id: 'teacher', agency: 'school', roles: ['practitioner'] },
  { id: 'officer', agency: 'yot', roles: ['practitioner'] },
  { id: 'yot-boss', agency: 'yot', roles: ['manager'] },
  { id: 'duty', agency: 'csc', roles: ['triager'] },
];
const people: TenantPeople = {
  agencyExists: (id) => ['hub', 'school', 'yot', 'csc'].includes(id),
  agenciesOfKind: () => [],
  peopleWithRoles: (agency, roles) =>
    staff.filter((p) => p.agency === agency && p.roles.some((r) => roles.includes(r))).map((p) => p.id),
  agencyOfPerson: (id) => staff.find((p) => p.id === id)?.agency,
};

const lead = (personId: string, agencyId: string, name: string) => ({
  personId,
  name,
  agencyId,
  agencyName: agencyId,
  role: 'Family support worker',
  email: `${personId}@example.org`,
  phone: '01632 960123',
});

const plan = {
  status: 'open',
  children: [{ childId: 'c1', givenName: 'Alfie', familyName: 'Testcase' }],
  lead: { professional: lead('lead-worker', 'hub', 'Lee Lead'), since: '2026-11-01T09:00:00Z' },
  members: [
    {
      memberId: 'm1',
      agencyId: 'hub',
      agencyName: 'Hub',
      personId: 'lead-worker',
      contactName: 'Lee Lead',
      role: 'lead professional',
    },
    {
      memberId: 'm2',
      agencyId: 'school',
      agencyName: 'School',
      personId: 'teacher',
      contactName: 'T',
      role: 'class teacher',
    },
    { memberId: 'm3', agencyId: 'yot', agencyName: 'YOT', personId: 'officer', contactName: 'O', role: 'case worker' },
  ],
  actions: [
    {
      actionId: 'a1',
      ownerAgencyId: 'school',
      description: 'Attendance support',
      dueDate: '2026-12-01',
      status: 'in-progress',
    },
    {
      actionId: 'a2',
      ownerAgencyId: 'yot',
      description: 'Work on offending',
      dueDate: '2026-12-05',
      status: 'not-started',
    },
  ],
  nextReviewDate: '2026-12-13',
};

function route(type: string, data: object) {
  return routeEvent({ type, data }, DEFAULT_ROUTING_RULES, people, new Map());
}

describe('plan routing', () => {
  it("tells every member of a lead change with the new lead's name and contact, each seeing only its own actions", () => {
    const newLead = lead('teacher', 'school', 'Priya Teacher');
    const recipients = route('baton.plan.lead-changed.v1', {
      planId: 'p1',
      familyId: 'f1',
      planVersion: 4,
      plan: { ...plan, lead: { professional: newLead, since: '2026-11-20T09:00:00Z' } },
      lead: newLead,
      previousLead: lead('lead-worker', 'hub', 'Lee Lead'),
      effectiveAt: '2026-11-20T09:00:00Z',
    });
    const agencies = recipients
      .filter((r) => r.kind === 'agency')
      .map((r) => r.id)
      .sort();
    expect(agencies).toEqual(['hub', 'school', 'yot']);
    const yot = recipients.find((r) => r.kind === 'person' && r.id === 'officer');
    expect(yot?.view).toMatchObject({
      lead: { name: 'Priya Teacher', email: 'teacher@example.org', phone: '01632 960123' },
    });
    expect((yot?.view.plan as { actions: { actionId: string }[] }).actions.map((a) => a.actionId)).toEqual(['a2']);
    expect(JSON.stringify(yot?.view)).not.toContain('Alfie');
    const newLeadPerson = recipients.find((r) => r.kind === 'person' && r.id === 'teacher');
    expect(newLeadPerson?.relationships.sort()).toEqual(['lead-professional', 'plan-member']);
  });

  it('tells the owner of an overdue action, and the lead professional', () => {
    const recipients = route('baton.plan.action-overdue.v1', {
      planId: 'p1',
      familyId: 'f1',
      planVersion: 5,
      plan,
      action: { ...plan.actions[0], ownerPersonId: 'teacher', overdue: true },
      detectedAt: '2026-12-02T00:00:10Z',
    });
    expect(recipients.map((r) => `${r.kind}:${r.id}`).sort()).toEqual([
      'agency:school',
      'person:lead-worker',
      'person:teacher',
    ]);
  });

  it('tells the lead professional, in person, when a member agency updates its action', () => {
    const recipients = route('baton.plan.action-updated.v1', {
      planId: 'p1',
      familyId: 'f1',
      planVersion: 6,
      plan,
      action: { ...plan.actions[0], status: 'done' },
      previousStatus: 'in-progress',
      updatedBy: { personId: 'teacher', name: 'T', agencyId: 'school' },
    });
    expect(recipients.map((r) => `${r.kind}:${r.id}`)).toEqual(['person:lead-worker']);
  });

  it('makes a step-up urgent for every recipient', () => {
    const recipients = route('baton.plan.stepped-up.v1', {
      planId: 'p1',
      familyId: 'f1',
      planVersion: 7,
      plan,
      urgent: true,
      toAgencyId: 'csc',
      reason: 'Risk of significant harm',
      steppedUpAt: '2026-12-03T10:00:00Z',
      steppedUpBy: { personId: 'lead-worker', name: 'Lee Lead', agencyId: 'hub' },
    });
    expect(recipients.find((r) => r.id === 'duty')?.view).toMatchObject({ reason: 'Risk of significant harm' });
    expect(recipients.find((r) => r.id === 'teacher')?.view).not.toHaveProperty('reason');
    expect(recipients.every((r) => r.urgent)).toBe(true);
  });
});

describe('order routing', () => {
  const base = {
    orderId: 'o1',
    familyId: 'f1',
    version: 3,
    holdingAgencyId: 'yot',
    holdingAgencyKind: 'youth-offending-team',
    responsibleOfficer: { personId: 'officer', name: 'O', agencyId: 'yot' },
    status: { state: 'in-force', madeOn: '2026-09-01', requirementsEndOn: '2027-08-31', openEnforcementCases: 1 },
    occurredAt: '2026-11-20T10:00:00Z',
  };

  it('tells the responsible officer and their managers of an apparent breach, urgently, and no one on the plan', () => {
    const recipients = route('baton.order.enforcement-opened.v1', {
      ...base,
      enforcementId: 'e1',
      complianceId: 'x1',
      requirementId: 'r1',
      requirementKind: 'programme',
      breachOn: '2026-11-19',
      contactDueAt: '2026-11-21T00:00:00Z',
    });
    expect(recipients.map((r) => `${r.kind}:${r.id}`).sort()).toEqual([
      'agency:yot',
      'person:officer',
      'person:yot-boss',
    ]);
    expect(recipients.every((r) => r.urgent)).toBe(true);
    expect(recipients[0].view).not.toHaveProperty('complianceId');
  });

  it('tells the managers of a missed contact deadline', () => {
    const recipients = route('baton.order.contact-overdue.v1', {
      ...base,
      enforcementId: 'e1',
      breachOn: '2026-11-19',
      contactDueAt: '2026-11-21T00:00:00Z',
      detectedAt: '2026-11-21T00:00:30Z',
    });
    expect(recipients.map((r) => r.id)).toContain('yot-boss');
  });
});
