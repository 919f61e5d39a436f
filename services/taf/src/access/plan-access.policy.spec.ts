import type { Caller } from '@baton/auth';
import { mayReadAssessment, relationshipTo, seesAction } from './plan-access.policy.js';

const plan = {
  tenant: 'demo',
  lead: { personId: 'hub-triager', agencyId: 'demo-early-help-hub' },
  memberAgencyIds: ['demo-early-help-hub', 'demo-oakfield-primary'],
};
const caller = (c: Partial<Caller>): Caller => ({
  personId: 'x',
  name: 'X',
  agencyId: 'demo-yot',
  roles: ['practitioner'],
  tenant: 'demo',
  ...c,
});

describe('who may see a plan', () => {
  it('knows the lead professional by person and agency', () => {
    expect(relationshipTo(caller({ personId: 'hub-triager', agencyId: 'demo-early-help-hub' }), plan)).toBe('lead');
  });

  it("sees member agencies' practitioners as members, and their managers as managers", () => {
    expect(relationshipTo(caller({ agencyId: 'demo-oakfield-primary' }), plan)).toBe('member');
    expect(relationshipTo(caller({ agencyId: 'demo-oakfield-primary', roles: ['manager'] }), plan)).toBe('manager');
  });

  it('gives the front door’s managers every plan, and a manager of an uninvolved agency none', () => {
    const facts = { ...plan, lead: { personId: 'school-dsl', agencyId: 'demo-oakfield-primary' } };
    facts.memberAgencyIds = ['demo-oakfield-primary'];
    const frontDoor = { ...facts, frontDoorAgencyId: 'demo-early-help-hub' };
    expect(relationshipTo(caller({ agencyId: 'demo-early-help-hub', roles: ['manager'] }), frontDoor)).toBe('manager');
    expect(relationshipTo(caller({ agencyId: 'demo-early-help-hub' }), frontDoor)).toBeUndefined();
    expect(relationshipTo(caller({ agencyId: 'demo-police', roles: ['manager'] }), frontDoor)).toBeUndefined();
    expect(
      relationshipTo(caller({ agencyId: 'demo-family-voluntary', roles: ['manager'] }), frontDoor),
    ).toBeUndefined();
  });

  it('does not see the plan through a member agency without a casework role (an agency admin, an auditor)', () => {
    expect(
      relationshipTo(caller({ agencyId: 'demo-oakfield-primary', roles: ['agency-admin'] }), plan),
    ).toBeUndefined();
    expect(relationshipTo(caller({ agencyId: 'demo-early-help-hub', roles: ['auditor'] }), plan)).toBeUndefined();
    expect(
      relationshipTo(
        caller({ personId: 'hub-triager', agencyId: 'demo-early-help-hub', roles: ['agency-admin'] }),
        plan,
      ),
    ).toBeUndefined();
  });

  it('does not see the plan from an agency not on it, or from another authority', () => {
    expect(relationshipTo(caller({}), plan)).toBeUndefined();
    expect(relationshipTo(caller({ roles: ['auditor'] }), plan)).toBeUndefined();
    expect(
      relationshipTo(caller({ personId: 'hub-triager', agencyId: 'demo-early-help-hub', tenant: 'elsewhere' }), plan),
    ).toBeUndefined();
  });

  it('shows a member only its own agency’s actions, and the assessment only when shared with it', () => {
    const school = caller({ agencyId: 'demo-oakfield-primary' });
    expect(seesAction(school, 'member', 'demo-oakfield-primary')).toBe(true);
    expect(seesAction(school, 'member', 'demo-early-help-hub')).toBe(false);
    expect(seesAction(school, 'manager', 'demo-early-help-hub')).toBe(true);
    expect(mayReadAssessment(school, 'member', ['demo-early-help-hub'])).toBe(false);
    expect(mayReadAssessment(school, 'member', ['demo-early-help-hub', 'demo-oakfield-primary'])).toBe(true);
    expect(mayReadAssessment(caller({ roles: ['manager'] }), 'manager', ['demo-early-help-hub'])).toBe(false);
  });
});
