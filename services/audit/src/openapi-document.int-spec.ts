import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startAuditTestApp } from './testing/audit-test-app.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('the audit OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('audit-openapi', (infra) => startAuditTestApp({ ...infra, now: NOW }));
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('audit'));
    } finally {
      await running.stop();
    }
  });
});
