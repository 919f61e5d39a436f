import { committedDocument, servedDocument, startServiceUnderTest } from '@baton/testing';
import { startNotificationsTestApp } from './testing/notifications-test-app.js';

describe('the notifications OpenAPI document', () => {
  it('is served exactly as committed in docs/api (regenerate with npm run openapi)', async () => {
    const running = await startServiceUnderTest('notifications-openapi', (infra) => startNotificationsTestApp(infra));
    try {
      expect(await servedDocument(running.service.url)).toEqual(committedDocument('notifications'));
    } finally {
      await running.stop();
    }
  });
});
