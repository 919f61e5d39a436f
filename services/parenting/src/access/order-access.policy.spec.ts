import type { Caller } from '@baton/auth';
import { relationshipTo } from './order-access.policy.js';

const order = { tenant: 'demo', holdingAgencyId: 'demo-yot', officerPersonId: 'yot-officer' };
const caller = (
  personId: string,
  agencyId: string,
  roles: Caller['roles'] = ['practitioner'],
  tenant = 'demo',
): Caller => ({
  personId,
  name: personId,
  agencyId,
  roles,
  tenant,
});
const involvement = {
  leads: [{ personId: 'hub-worker', agencyId: 'demo-early-help-hub' }],
  memberAgencyIds: ['demo-oakfield-primary', 'demo-early-help-hub'],
};
const none = { leads: [], memberAgencyIds: [] };

describe('who may see a parenting order', () => {
  it('gives the responsible officer and the holding agency managers everything', () => {
    expect(relationshipTo(caller('yot-officer', 'demo-yot'), order, none)).toBe('holder');
    expect(relationshipTo(caller('yot-manager', 'demo-yot', ['manager']), order, none)).toBe('holder');
  });

  it('does not take the officer’s person id with another agency for the officer', () => {
    expect(relationshipTo(caller('yot-officer', 'demo-police'), order, none)).toBeUndefined();
    expect(relationshipTo(caller('yot-officer', 'demo-police', ['manager']), order, none)).toBeUndefined();
  });

  it('does not take the lead professional’s person id with another agency for the lead', () => {
    expect(relationshipTo(caller('hub-worker', 'demo-police'), order, involvement)).toBeUndefined();
  });

  it('does not give the order to a plan member agency’s admin or auditor (no casework role)', () => {
    expect(relationshipTo(caller('school-admin', 'demo-oakfield-primary', ['agency-admin']), order, involvement)).toBe(
      undefined,
    );
    expect(
      relationshipTo(caller('hub-worker', 'demo-early-help-hub', ['auditor']), order, involvement),
    ).toBeUndefined();
  });

  it('does not give another practitioner of the holding agency the order by agency alone', () => {
    expect(relationshipTo(caller('yot-colleague', 'demo-yot'), order, none)).toBeUndefined();
  });

  it('gives the family lead professional status and requirements, and plan members status', () => {
    expect(relationshipTo(caller('hub-worker', 'demo-early-help-hub'), order, involvement)).toBe('lead-professional');
    expect(relationshipTo(caller('school-dsl', 'demo-oakfield-primary'), order, involvement)).toBe('plan-member');
  });

  it('gives an uninvolved agency, or a manager of another agency, nothing', () => {
    expect(relationshipTo(caller('adult-worker', 'demo-adult-services'), order, involvement)).toBeUndefined();
    expect(relationshipTo(caller('hub-manager', 'demo-csc', ['manager']), order, involvement)).toBeUndefined();
  });

  it('gives nobody from another local authority anything, whatever their ids', () => {
    expect(relationshipTo(caller('yot-officer', 'demo-yot', ['manager'], 'other'), order, involvement)).toBeUndefined();
  });
});
