import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import {
  startNotificationsTestApp,
  TEST_SECRETS_KEY,
  type NotificationsTestApp,
} from '../testing/notifications-test-app.js';
import { WebhookSecretBox } from './webhook-secret-box.js';

describe('webhook signing secrets at rest', () => {
  let infra: TestInfra;
  let service: NotificationsTestApp | undefined;
  let db: pg.Client | undefined;

  beforeAll(async () => {
    infra = await provisionTestInfra('notifications-secrets');
  });

  afterAll(async () => {
    await db?.end();
    await service?.close();
    await infra?.dispose();
  });

  async function restart(env: Record<string, string>): Promise<NotificationsTestApp> {
    await service?.close();
    service = await startNotificationsTestApp(infra, { AGENCY_NATS_ENABLED: 'false', ...env });
    return service;
  }

  async function storedSecrets(id: string): Promise<string[]> {
    if (db === undefined) {
      db = new pg.Client({ connectionString: infra.databaseUrl });
      await db.connect();
    }
    const { rows } = await db.query<{ secret: string }>(
      `SELECT s->>'secret' AS secret FROM webhook_endpoint, jsonb_array_elements(secrets) AS s WHERE id = $1`,
      [id],
    );
    return rows.map((r) => r.secret);
  }

  it('seals at the next start the secrets kept before there was a key, and again under a new key', async () => {
    const valid = { url: 'https://hub-system.example.org/baton', eventTypes: ['baton.referral.received.v1'] };
    const plain = await restart({ WEBHOOK_SECRETS_KEY: '' });
    const created = await plain.call('hub-admin', 'POST', '/v1/webhooks', valid);
    expect(created.status).toBe(201);
    const shown: string = created.body.secret;
    expect(await storedSecrets(created.body.id)).toEqual([shown]);

    const sealed = await restart({});
    const [stored] = await storedSecrets(created.body.id);
    expect(stored).toMatch(/^sealed:v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain(shown.slice(6));
    expect(new WebhookSecretBox(TEST_SECRETS_KEY).open(stored)).toBe(shown);

    // A rotation sealed under the current key too; the overlap keeps the first secret, still sealed.
    const rotated = await sealed.call('hub-admin', 'POST', `/v1/webhooks/${created.body.id}/secret-rotation`, {});
    expect(rotated.status).toBe(200);
    const both = await storedSecrets(created.body.id);
    expect(both.map((s) => new WebhookSecretBox(TEST_SECRETS_KEY).open(s))).toEqual([rotated.body.secret, shown]);

    const newKey = randomBytes(32).toString('base64');
    await restart({ WEBHOOK_SECRETS_KEY: newKey, WEBHOOK_SECRETS_PREVIOUS_KEY: TEST_SECRETS_KEY });
    const resealed = await storedSecrets(created.body.id);
    expect(resealed.every((s) => s.startsWith('sealed:v1:') && !both.includes(s))).toBe(true);
    expect(resealed.map((s) => new WebhookSecretBox(newKey).open(s))).toEqual([rotated.body.secret, shown]);
  });
});
