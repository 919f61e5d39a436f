import { PlanEvents } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { httpClient } from '../testing/http-client.js';
import { directPlan, HUB_LEAD } from '../testing/taf-fixtures.js';
import { startTafTestApp, type TafTestApp } from '../testing/taf-test-app.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');
const domain = (needs: string, headlineOutcomes: string[]) => ({
  strengths: 'Warm, loving home',
  needs,
  headlineOutcomes,
});

describe('the early help assessment', () => {
  let infra: TestInfra;
  let service: TafTestApp;
  let tap: EventTap;
  const call = httpClient(() => service);

  beforeAll(async () => {
    infra = await provisionTestInfra('taf-assessment');
    service = await startTafTestApp(infra, MONDAY);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
  });

  afterAll(async () => {
    await tap?.close();
    await service?.close();
    await infra?.dispose();
  });

  it('is read by the lead and the agencies it is shared with; its content never leaves in an event', async () => {
    const opened = await call('schoolDsl', 'POST', '/v1/plans', directPlan({ lead: HUB_LEAD }));
    const id = opened.body.id as string;
    await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/members`,
      { agencyId: 'demo-health-visiting', contactName: 'Nia Marchbank', role: 'health visitor' },
      { 'if-match': '"1"' },
    );
    const recorded = await call(
      'hubTriager',
      'POST',
      `/v1/plans/${id}/assessment`,
      {
        completedAt: '2026-11-23T09:30:00Z',
        childDevelopment: domain('Attendance 78%; often hungry at school', ['education']),
        parentsAndCarers: domain('Mother works nights; mornings are chaotic', ['family-relationships']),
        familyAndEnvironment: domain('Rent arrears since the summer', ['housing', 'financial-stability']),
        familyView: 'We want mornings to be calmer.',
        childVoice: 'I like breakfast club.',
        sharedWithAgencyIds: ['demo-oakfield-primary'],
      },
      { 'if-match': '"2"' },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.assessment).toMatchObject({
      sharedWithAgencyIds: ['demo-early-help-hub', 'demo-oakfield-primary'],
      readable: true,
    });

    const event = await tap.waitFor((e) => e.type === PlanEvents.assessmentRecorded.type && e.subject === id);
    expect(event.data).toMatchObject({ sharedWithAgencyIds: ['demo-early-help-hub', 'demo-oakfield-primary'] });
    expect(JSON.stringify(event.data)).not.toMatch(/hungry|arrears|breakfast club|calmer/);

    const asLead = await call('hubTriager', 'GET', `/v1/plans/${id}/assessment`);
    expect(asLead.status).toBe(200);
    expect(asLead.body).toMatchObject({
      childVoice: 'I like breakfast club.',
      familyAndEnvironment: { headlineOutcomes: ['housing', 'financial-stability'] },
    });
    expect((await call('schoolDsl', 'GET', `/v1/plans/${id}/assessment`)).status).toBe(200);

    const notShared = await call('healthVisitor', 'GET', `/v1/plans/${id}/assessment`);
    expect(notShared.status).toBe(403);
    expect(notShared.body.errors).toEqual([expect.objectContaining({ rule: 'assessmentSharedWithAgency' })]);
    expect((await call('healthVisitor', 'GET', `/v1/plans/${id}`)).body.assessment).toMatchObject({ readable: false });
    expect((await call('yotOfficer', 'GET', `/v1/plans/${id}/assessment`)).status).toBe(404);
  });
});
