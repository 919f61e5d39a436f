import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startReferralsTestApp } from './testing/referrals-test-app.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('the referrals OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('referrals-openapi', (infra) => startReferralsTestApp(infra, NOW));
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('referrals'));
    } finally {
      await running.stop();
    }
  });
});
