import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { EXCEPTION_KINDS } from './dto/audit-query.dto.js';
import { call } from '../testing/http-client.js';
import { startParentingTestApp, type ParentingTestApp } from '../testing/parenting-test-app.js';

describe('the exceptions list, kind by kind', () => {
  let infra: TestInfra;
  let service: ParentingTestApp;

  beforeAll(async () => {
    infra = await provisionTestInfra('parenting-exception-kinds');
    service = await startParentingTestApp(infra, new Date('2026-02-10T10:00:00Z'));
  });

  afterAll(async () => {
    await service?.close();
    await infra?.dispose();
  });

  it.each(EXCEPTION_KINDS)('answers for %s alone, as JSON and as CSV', async (kind) => {
    const json = await call(service, 'yotManager', 'GET', `/v1/audit/exceptions?kind=${kind}`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ items: [] });
    const csv = await call(service, 'auditor', 'GET', `/v1/audit/exceptions?kind=${kind}`, undefined, {
      accept: 'text/csv',
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'kind,orderId,familyId,enforcementId,holdingAgencyId,responsibleOfficerPersonId,since,detail',
    );
  });

  it('refuses a manager asking for another agency, and a practitioner altogether', async () => {
    const other = await call(service, 'yotManager', 'GET', '/v1/audit/exceptions?agencyId=demo-education-welfare');
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', rule: 'ownAgencyOnly' })]);
    expect((await call(service, 'yotOfficer', 'GET', '/v1/audit/exceptions')).status).toBe(403);
    const backwards = await call(service, 'yotManager', 'GET', '/v1/audit/consistency?from=2026-12-31&to=2026-01-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'onOrAfterFrom' })]);
  });
});
