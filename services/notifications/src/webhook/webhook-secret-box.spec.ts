import { randomBytes } from 'node:crypto';
import { WebhookSecretBox } from './webhook-secret-box.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('webhook secrets at rest', () => {
  it('seals a secret so the stored form does not contain it, and opens it again', () => {
    const box = new WebhookSecretBox(keyA);
    const stored = box.seal(secret);
    expect(stored).toMatch(/^sealed:v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain(secret.slice(6));
    expect(box.seal(secret)).not.toBe(stored); // a fresh IV each time
    expect(box.open(stored)).toBe(secret);
    expect(box.needsResealing(stored)).toBe(false);
  });

  it('keeps secrets as given without a key, and opens those later under a key', () => {
    expect(new WebhookSecretBox().seal(secret)).toBe(secret);
    const box = new WebhookSecretBox(keyA);
    expect(box.open(secret)).toBe(secret);
    expect(box.needsResealing(secret)).toBe(true);
  });

  it('opens with the previous key what it sealed, and asks for those to be sealed again under the new one', () => {
    const old = new WebhookSecretBox(keyA).seal(secret);
    const rotated = new WebhookSecretBox(keyB, keyA);
    expect(rotated.open(old)).toBe(secret);
    expect(rotated.needsResealing(old)).toBe(true);
    expect(() => new WebhookSecretBox(keyB).open(old)).toThrow(/sealed under key [0-9a-f]{8}, which neither/);
  });

  it('refuses a sealed secret that was altered, and a key that is not 32 bytes', () => {
    const box = new WebhookSecretBox(keyA);
    const stored = box.seal(secret);
    const payload = Buffer.from(stored.split(':')[3], 'base64');
    payload[payload.length - 20] ^= 1;
    const altered = `${stored.split(':').slice(0, 3).join(':')}:${payload.toString('base64')}`;
    expect(() => box.open(altered)).toThrow();
    expect(() => new WebhookSecretBox('c2hvcnQ=')).toThrow(/WEBHOOK_SECRETS_KEY must be 32 bytes/);
  });
});
