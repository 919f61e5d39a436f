import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startTafTestApp } from './testing/taf-test-app.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('the taf OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('taf-openapi', (infra) => startTafTestApp(infra, NOW));
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('taf'));
    } finally {
      await running.stop();
    }
  });
});
