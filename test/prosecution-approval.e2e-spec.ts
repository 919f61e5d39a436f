import { ApiContract, provisionTestInfra, type TestInfra } from '@baton/testing';
import { startAuditTestApp, type AuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import { call } from '../services/parenting/src/testing/http-client.js';
import { yotOrder } from '../services/parenting/src/testing/parenting-fixtures.js';
import { startParentingTestApp, type ParentingTestApp } from '../services/parenting/src/testing/parenting-test-app.js';
import { waitUntil } from '../services/taf/src/testing/http-client.js';

// Tuesday 10 February 2026, 10:00 in London.
const TUESDAY = new Date('2026-02-10T10:00:00Z');
const RANGE = 'from=2026-02-01&to=2026-02-28';

interface AuditCase {
  enforcementId: string;
  decision?: string;
  takesEffect?: boolean;
  awaitingApproval: boolean;
  undecided: boolean;
}

describe('a prosecution referral counts as a prosecution only once approved, in parenting’s and audit’s reports', () => {
  let infra: TestInfra;
  let parenting: ParentingTestApp;
  let audit: AuditTestApp;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-prosecution-approval');
    parenting = await startParentingTestApp(infra, TUESDAY);
    audit = await startAuditTestApp({ ...infra, databaseUrl: await infra.createDatabase('audit'), now: TUESDAY });
  });

  afterAll(async () => {
    await audit?.close();
    await parenting?.close();
    await infra?.dispose();
  });

  /** A breach of a new YOT order, the parent contacted, and the officer's referral for prosecution. */
  async function referredForProsecution(): Promise<{ path: string; caseId: string; etag: string }> {
    const made = await call(parenting, 'yotOfficer', 'POST', '/v1/orders', yotOrder('2026-02-02'));
    const escort = made.body.requirements.find((r: { kind: string }) => r.kind === 'escort-to-school');
    const failed = await call(parenting, 'yotOfficer', 'POST', `/v1/orders/${made.body.id}/compliance`, {
      requirementId: escort.requirementId,
      occurredOn: '2026-02-09',
      outcome: 'failed-without-excuse',
    });
    const path = `/v1/orders/${made.body.id}/enforcement/${failed.body.enforcement.id}`;
    const contact = await call(
      parenting,
      'yotOfficer',
      'POST',
      `${path}/contact`,
      { contactedAt: '2026-02-10T09:00:00Z', method: 'phone', notes: 'No reason given' },
      { 'if-match': '"1"' },
    );
    const decided = await call(
      parenting,
      'yotOfficer',
      'POST',
      `${path}/decision`,
      { decision: 'prosecution-referral', reason: 'Third missed escort this month' },
      { 'if-match': contact.etag! },
    );
    expect(decided.status).toBe(200);
    return { path, caseId: failed.body.enforcement.id, etag: decided.etag! };
  }

  const consistency = async () =>
    (await call(parenting, 'yotManager', 'GET', `/v1/audit/consistency?${RANGE}`)).body.agencies[0];

  // Reports are JSON of several shapes; each test reads the fields it asserts on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function auditReport(path: string): Promise<Record<string, any>> {
    const response = await ApiContract.of('audit').fetch(audit.url, path, {
      headers: { authorization: `Bearer ${await audit.tokenFor('audit-officer')}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async function auditCase(caseId: string, until: (c: AuditCase) => boolean): Promise<AuditCase> {
    let found: AuditCase | undefined;
    await waitUntil('the audit ledger to reflect the case', async () => {
      const report = await auditReport(`/v1/reports/parenting-enforcement?${RANGE}`);
      found = (report.cases as AuditCase[]).find((c) => c.enforcementId === caseId);
      return found !== undefined && until(found);
    });
    return found as AuditCase;
  }

  it('shows a referral awaiting its second approver as awaiting approval, then as a prosecution once approved', async () => {
    const referral = await referredForProsecution();

    expect(await consistency()).toMatchObject({
      breaches: 1,
      decided: 0,
      awaitingApproval: 1,
      undecided: 0,
      prosecutionReferrals: 0,
      shareProsecution: 0,
      medianWorkingDaysBreachToDecision: null,
    });
    const exceptions = await call(
      parenting,
      'yotManager',
      'GET',
      '/v1/audit/exceptions?kind=prosecution-awaiting-approval',
    );
    expect(exceptions.body.items).toEqual([expect.objectContaining({ enforcementId: referral.caseId })]);
    expect(await auditCase(referral.caseId, (c) => c.decision !== undefined)).toMatchObject({
      decision: 'prosecution-referral',
      takesEffect: false,
      awaitingApproval: true,
      undecided: false,
    });
    const before = await auditReport(`/v1/reports/report-card?${RANGE}`);
    expect(before.howWell.enforcementDecisionMedianWorkingDays).toBeUndefined();

    const approved = await call(
      parenting,
      'yotManager',
      'POST',
      `${referral.path}/approval`,
      { approve: true, reason: 'Warranted' },
      { 'if-match': referral.etag },
    );
    expect(approved.status).toBe(200);
    expect(await consistency()).toMatchObject({
      breaches: 1,
      decided: 1,
      awaitingApproval: 0,
      undecided: 0,
      prosecutionReferrals: 1,
      shareProsecution: 1,
      medianWorkingDaysBreachToDecision: 1,
    });
    expect(await auditCase(referral.caseId, (c) => c.takesEffect === true)).toMatchObject({
      awaitingApproval: false,
      undecided: false,
    });
    const after = await auditReport(`/v1/reports/report-card?${RANGE}`);
    expect(after.howWell.enforcementDecisionMedianWorkingDays).toBe(1);
  });

  it('returns a rejected referral to the undecided breaches, never counted as a prosecution', async () => {
    const referral = await referredForProsecution();
    const rejected = await call(
      parenting,
      'yotManager',
      'POST',
      `${referral.path}/approval`,
      { approve: false, reason: 'A written warning first' },
      { 'if-match': referral.etag },
    );
    expect(rejected.status).toBe(200);
    expect(await consistency()).toMatchObject({
      breaches: 2,
      decided: 1,
      awaitingApproval: 0,
      undecided: 1,
      prosecutionReferrals: 1,
      shareProsecution: 0.5,
    });
    const audited = await auditCase(referral.caseId, (c) => c.undecided);
    expect(audited).toMatchObject({ awaitingApproval: false, undecided: true });
    expect(audited.decision).toBeUndefined();
  });
});
