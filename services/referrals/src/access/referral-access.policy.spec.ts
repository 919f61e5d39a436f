import type { Caller } from '@baton/auth';
import type { Referral } from '../referral/referral.entity.js';
import { relationshipTo } from './referral-access.policy.js';

const referral = {
  tenant: 'demo',
  receivingAgencyId: 'demo-early-help-hub',
  referrerAgencyId: 'demo-oakfield-primary',
} as Referral;
const caller = (agencyId: string, roles: Caller['roles'] = ['practitioner'], tenant = 'demo'): Caller => ({
  personId: 'someone',
  name: 'Someone',
  agencyId,
  roles,
  tenant,
});

describe('who may see a referral', () => {
  it('shows the receiving agency the whole referral and the referring agency what it sent', () => {
    expect(relationshipTo(caller('demo-early-help-hub', ['triager']), referral)).toBe('receiving-agency');
    expect(relationshipTo(caller('demo-oakfield-primary'), referral)).toBe('referrer');
  });

  it('shows it to no other agency and no other authority', () => {
    expect(relationshipTo(caller('demo-police', ['manager']), referral)).toBeUndefined();
    expect(relationshipTo(caller('demo-early-help-hub', ['triager'], 'elsewhere'), referral)).toBeUndefined();
  });

  it('does not show it to an involved agency’s admin or auditor (no casework role)', () => {
    expect(relationshipTo(caller('demo-oakfield-primary', ['agency-admin']), referral)).toBeUndefined();
    expect(relationshipTo(caller('demo-early-help-hub', ['auditor']), referral)).toBeUndefined();
  });
});
