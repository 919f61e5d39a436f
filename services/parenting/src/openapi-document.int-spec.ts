import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startParentingTestApp } from './testing/parenting-test-app.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('the parenting OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('parenting-openapi', (infra) => startParentingTestApp(infra, NOW));
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('parenting'));
    } finally {
      await running.stop();
    }
  });
});
