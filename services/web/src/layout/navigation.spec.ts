import type { SignedInPerson } from '../sign-in/session.types.js';
import { primaryNavigation } from './navigation.js';

const triager: SignedInPerson = {
  personId: 'tamsin',
  name: 'Tamsin Quillfeather',
  agencyId: 'demo-hub',
  agencyName: 'Demo Early Help Hub',
  tenant: 'demo',
  roles: ['triager', 'practitioner'],
};
const active = (path: string, person: SignedInPerson = triager) =>
  primaryNavigation(person, path)
    .filter((item) => item.active)
    .map((item) => item.text);

describe('the primary navigation', () => {
  it('marks the triage queue while a triager decides a referral, not the referrals the agency sent', () => {
    expect(active('/referrals/7f0c2a1e-0000-4000-8000-000000000001/decision')).toEqual(['Triage queue']);
    expect(active('/referrals/7f0c2a1e-0000-4000-8000-000000000001/decision/check')).toEqual(['Triage queue']);
    expect(active('/triage?overdue=yes')).toEqual(['Triage queue']);
    expect(active('/referrals/7f0c2a1e-0000-4000-8000-000000000001/plan')).toEqual(['Triage queue']);
  });

  it('marks our families on a family’s plan pages', () => {
    expect(active('/plans/7f0c2a1e-0000-4000-8000-000000000002/team')).toEqual(['Our families']);
    expect(active('/families/7f0c2a1e-0000-4000-8000-000000000003')).toEqual(['Our families']);
  });

  it('tells making a referral from the referrals already sent', () => {
    expect(active('/referrals/new/child')).toEqual(['Make a referral']);
    expect(active('/referrals')).toEqual(['Referrals we sent']);
    expect(active('/referrals/7f0c2a1e-0000-4000-8000-000000000001')).toEqual(['Referrals we sent']);
  });

  it('marks nothing on a page of no section', () => {
    expect(active('/accessibility')).toEqual([]);
  });

  it('offers the triage queue only to triagers', () => {
    const school = { ...triager, roles: ['practitioner' as const] };
    expect(primaryNavigation(school, '/').map((item) => item.text)).not.toContain('Triage queue');
    expect(active('/referrals/7f0c2a1e-0000-4000-8000-000000000001/decision', school)).toEqual(['Referrals we sent']);
  });
});
