import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { eventually } from '../testing/eventually.js';
import { startNotificationsTestApp, type NotificationsTestApp } from '../testing/notifications-test-app.js';
import { newReferralIds, referralDecided, referralReceived } from '../testing/referral-events.js';

const ASYNCAPI = fileURLToPath(new URL('../../../../libs/contracts/asyncapi.json', import.meta.url));

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS: imported natively its function is the module's default (under ts-jest, its default's).
const formats = ajvFormats as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats = typeof formats.default === 'function' ? formats.default : formats.default.default;

interface Copy {
  subject: string;
  body: { type: string; [key: string]: unknown };
}

describe("agencies' copies on NATS are what the AsyncAPI document says they are", () => {
  let infra: TestInfra;
  let service: NotificationsTestApp;
  let nc: NatsConnection;
  const copies: Copy[] = [];
  const ajv = new Ajv({ strict: false, allErrors: true });

  beforeAll(async () => {
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(ASYNCAPI, 'utf8')), 'asyncapi');
    infra = await provisionTestInfra('notifications-agency-copies');
    service = await startNotificationsTestApp(infra);
    nc = await connect({ servers: infra.natsUrl });
    const sub = nc.subscribe(`${infra.subjectPrefix}.demo.agency.>`);
    void (async () => {
      for await (const m of sub) copies.push({ subject: m.subject, body: m.json() });
    })();
    await nc.flush();
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
    await infra?.dispose();
  });

  /** Validates one real copy against its message's payload schema; the errors, if any. */
  function errorsOf(copy: Copy): string | undefined {
    const validate = ajv.compile({ $ref: `asyncapi#/components/messages/${copy.body.type}.agency-copy/payload` });
    return validate(copy.body) ? undefined : `${copy.subject}: ${ajv.errorsText(validate.errors)}`;
  }

  it('validates every copy a referral and its decision produce against its minimised message schema', async () => {
    const ids = newReferralIds();
    await service.publish(referralReceived(ids));
    await service.publish(referralDecided(ids, 'accept-early-help'));
    const seen = await eventually('copies of both events', () => {
      const types = new Set(copies.map((c) => c.body.type));
      return types.has('baton.referral.received.v1') && types.has('baton.referral.decided.v1') ? copies : undefined;
    });
    expect(seen.map(errorsOf).filter((e) => e !== undefined)).toEqual([]);
    // The copy is minimised: it does not carry who did it, so the domain message's schema would refuse it.
    const domain = ajv.compile({ $ref: 'asyncapi#/components/messages/baton.referral.received.v1/payload' });
    const received = seen.find((c) => c.body.type === 'baton.referral.received.v1');
    expect(received?.body).not.toHaveProperty('actor');
    expect(domain(received?.body)).toBe(false);
  });
});
