import type { Caller } from '@baton/auth';
import { grantExpiry, grantStatus, mayEndGrant, maySeeGrant } from './break-glass.rules.js';

const now = new Date('2026-11-23T22:00:00Z');
const limits = { defaultMinutes: 60, maxMinutes: 240 };
const grant = { tenant: 'demo', personId: 'police-inspector', agencyId: 'demo-police' };
const caller = (c: Partial<Caller>): Caller => ({
  personId: 'police-inspector',
  name: 'Inspector',
  agencyId: 'demo-police',
  roles: ['manager'],
  tenant: 'demo',
  ...c,
});

describe('break-glass rules', () => {
  it('expires after the configured default when no duration is asked for', () => {
    expect(grantExpiry(now, undefined, limits)).toEqual({ expiresAt: new Date('2026-11-23T23:00:00Z') });
  });

  it('expires after the minutes asked for, up to the maximum', () => {
    expect(grantExpiry(now, 240, limits)).toEqual({ expiresAt: new Date('2026-11-24T02:00:00Z') });
  });

  it('refuses a duration past the maximum, naming the field and the limit', () => {
    expect(grantExpiry(now, 241, limits)).toEqual({
      field: 'durationMinutes',
      rule: 'max',
      message: 'durationMinutes must not be more than 240',
    });
  });

  it('never gives a default longer than the maximum', () => {
    expect(grantExpiry(now, undefined, { defaultMinutes: 600, maxMinutes: 30 })).toEqual({
      expiresAt: new Date('2026-11-23T22:30:00Z'),
    });
  });

  it('is active until it expires, then expired; ended once ended', () => {
    const times = { expiresAt: new Date('2026-11-23T23:00:00Z'), endedAt: null };
    expect(grantStatus(times, now)).toBe('active');
    expect(grantStatus(times, new Date('2026-11-23T23:00:00Z'))).toBe('expired');
    expect(grantStatus({ ...times, endedAt: new Date('2026-11-23T22:10:00Z') }, now)).toBe('active');
    expect(grantStatus({ ...times, endedAt: new Date('2026-11-23T22:10:00Z') }, new Date('2026-11-23T22:10:00Z'))).toBe(
      'ended',
    );
  });

  it('is seen by its grantee, their agency’s managers and auditors only', () => {
    expect(maySeeGrant(caller({ roles: ['practitioner'] }), grant)).toBe(true);
    expect(maySeeGrant(caller({ personId: 'police-sergeant' }), grant)).toBe(true);
    expect(maySeeGrant(caller({ personId: 'police-constable', roles: ['practitioner'] }), grant)).toBe(false);
    expect(maySeeGrant(caller({ agencyId: 'demo-housing' }), grant)).toBe(false);
    expect(maySeeGrant(caller({ personId: 'audit-officer', agencyId: 'demo-la', roles: ['auditor'] }), grant)).toBe(
      true,
    );
    expect(maySeeGrant(caller({ tenant: 'elsewhere', roles: ['auditor'] }), grant)).toBe(false);
  });

  it('is ended by its grantee (person and agency) or an auditor', () => {
    expect(mayEndGrant(caller({}), grant)).toBe(true);
    expect(mayEndGrant(caller({ agencyId: 'demo-housing' }), grant)).toBe(false);
    expect(mayEndGrant(caller({ personId: 'police-sergeant' }), grant)).toBe(false);
    expect(mayEndGrant(caller({ personId: 'audit-officer', agencyId: 'demo-la', roles: ['auditor'] }), grant)).toBe(
      true,
    );
  });
});
