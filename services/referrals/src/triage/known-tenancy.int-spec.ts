import { ApiContract, type ServiceUnderTest, startServiceUnderTest } from '@baton/testing';
import { PEOPLE, schoolReferral, tokenFor } from '../testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../testing/referrals-test-app.js';

describe('a token naming a tenant or agency the tenant files do not hold', () => {
  let running: ServiceUnderTest<ReferralsTestApp>;
  let service: ReferralsTestApp;

  beforeAll(async () => {
    running = await startServiceUnderTest('known-tenancy', (infra) =>
      startReferralsTestApp(infra, new Date('2026-11-20T10:00:00Z')),
    );
    ({ service } = running);
  });

  afterAll(() => running?.stop());

  const queue = (token: string) =>
    ApiContract.of('referrals').fetch(service.url, '/v1/triage/queue', {
      headers: { authorization: `Bearer ${token}` },
    });

  async function problemOf(response: Response): Promise<string> {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return ((await response.json()) as { detail: string }).detail;
  }

  it("is served when the tenant and agency are the tenant files' own", async () => {
    expect((await queue(await tokenFor(service.issuer, 'hubTriager'))).status).toBe(200);
  });

  it('is refused with a 401 naming the tenant claim, not answered with an empty queue', async () => {
    const token = await tokenFor(service.issuer, 'hubTriager', 'elsewhere');
    expect(await problemOf(await queue(token))).toBe('tenant claim names a tenant Baton does not serve: elsewhere');
  });

  it('is refused with a 401 naming the agency claim, and nothing is written', async () => {
    const token = await service.issuer.sign(
      { ...PEOPLE.schoolDsl, roles: [...PEOPLE.schoolDsl.roles], agency_id: 'demo-nowhere', tenant: 'demo' },
      { expiresIn: '10m' },
    );
    expect(await problemOf(await queue(token))).toBe(
      'agency_id claim names an agency tenant demo does not have: demo-nowhere',
    );
    const write = await ApiContract.of('referrals').fetch(service.url, '/v1/referrals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(schoolReferral()),
    });
    expect(await problemOf(write)).toBe('agency_id claim names an agency tenant demo does not have: demo-nowhere');
    const { rows } = await running.db.query('SELECT count(*)::int AS n FROM referral');
    expect(rows[0].n).toBe(0);
  });
});
