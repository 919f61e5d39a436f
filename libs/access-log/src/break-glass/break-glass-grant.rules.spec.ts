import type { Caller } from '@baton/auth';
import { grantCovers, type BreakGlassGrant } from './break-glass-grant.rules.js';

const FAMILY = '7a1f3c1e-5b2d-4c8e-9f00-000000000001';
const grant: BreakGlassGrant = {
  grantId: '7a1f3c1e-5b2d-4c8e-9f00-0000000000aa',
  tenant: 'demo',
  familyId: FAMILY,
  personId: 'police-inspector',
  agencyId: 'demo-police',
  reason: 'immediate-safeguarding-risk',
  expiresAt: new Date('2026-11-23T14:00:00Z'),
  endedAt: null,
};
const grantee: Caller = {
  personId: 'police-inspector',
  name: 'Inspector',
  agencyId: 'demo-police',
  roles: ['manager'],
  tenant: 'demo',
};
const now = new Date('2026-11-23T10:00:00Z');

describe('a break-glass grant', () => {
  it('covers its grantee reading its family before it expires', () => {
    expect(grantCovers(grant, grantee, FAMILY, now)).toBe(true);
  });

  it('does not cover another family', () => {
    expect(grantCovers(grant, grantee, '7a1f3c1e-5b2d-4c8e-9f00-000000000002', now)).toBe(false);
  });

  it('does not cover the grantee’s person id with another agency', () => {
    expect(grantCovers(grant, { ...grantee, agencyId: 'demo-housing' }, FAMILY, now)).toBe(false);
  });

  it('does not cover another person of the same agency', () => {
    expect(grantCovers(grant, { ...grantee, personId: 'police-constable' }, FAMILY, now)).toBe(false);
  });

  it('does not cover the grantee in another local authority', () => {
    expect(grantCovers(grant, { ...grantee, tenant: 'elsewhere' }, FAMILY, now)).toBe(false);
  });

  it('ends at its expiry, to the millisecond', () => {
    expect(grantCovers(grant, grantee, FAMILY, new Date('2026-11-23T13:59:59.999Z'))).toBe(true);
    expect(grantCovers(grant, grantee, FAMILY, new Date('2026-11-23T14:00:00Z'))).toBe(false);
  });

  it('ends when it is ended early', () => {
    const ended = { ...grant, endedAt: new Date('2026-11-23T11:00:00Z') };
    expect(grantCovers(ended, grantee, FAMILY, now)).toBe(true);
    expect(grantCovers(ended, grantee, FAMILY, new Date('2026-11-23T11:00:00Z'))).toBe(false);
  });
});
