import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startAgencyViewsTestApp } from './testing/agency-views-test-app.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('the agency-views OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('agency-views-openapi', (infra) =>
      startAgencyViewsTestApp(infra, { now: NOW }),
    );
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('agency-views'));
    } finally {
      await running.stop();
    }
  });
});
