import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const SEALED = /^sealed:v1:([0-9a-f]{8}):([A-Za-z0-9+/=]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key as configured (base64), and the short id sealed secrets name it by. */
interface Key {
  id: string;
  bytes: Buffer;
}

/**
 * Keeps webhook signing secrets sealed at rest. Signing needs the secret itself, so it cannot be hashed; it is
 * encrypted with AES-256-GCM under a key the deployment holds outside the database (`WEBHOOK_SECRETS_KEY`), so a
 * copy of the database or a backup does not let anyone sign as Baton. A stored secret names the key that sealed it;
 * the previous key still opens what it sealed while the rows are re-sealed under the new one. Without a key,
 * secrets are kept as given (development).
 */
export class WebhookSecretBox {
  private readonly current?: Key;
  private readonly keys = new Map<string, Buffer>();

  constructor(currentKey?: string, previousKey?: string) {
    for (const [name, value] of [
      ['WEBHOOK_SECRETS_KEY', currentKey],
      ['WEBHOOK_SECRETS_PREVIOUS_KEY', previousKey],
    ] as const) {
      if (value === undefined || value === '') continue;
      const bytes = Buffer.from(value, 'base64');
      if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
      const key = { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
      this.keys.set(key.id, bytes);
      if (name === 'WEBHOOK_SECRETS_KEY') this.current = key;
    }
  }

  /** Whether secrets are sealed when stored. */
  get sealing(): boolean {
    return this.current !== undefined;
  }

  /** The secret as it is to be stored: sealed under the current key, or as given when there is none. */
  seal(secret: string): string {
    if (this.current === undefined) return secret;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, iv);
    const sealed = Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `sealed:v1:${this.current.id}:${sealed.toString('base64')}`;
  }

  /** The secret itself. Throws, naming the key, when it was sealed under a key this deployment no longer has. */
  open(stored: string): string {
    const match = SEALED.exec(stored);
    if (match === null) return stored;
    const [, keyId, payload] = match;
    const key = this.keys.get(keyId);
    if (key === undefined) {
      throw new Error(
        `a webhook secret is sealed under key ${keyId}, which neither WEBHOOK_SECRETS_KEY nor ` +
          'WEBHOOK_SECRETS_PREVIOUS_KEY is',
      );
    }
    const bytes = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Whether a stored secret should be sealed again: kept as given while there is a key, or sealed under an old one. */
  needsResealing(stored: string): boolean {
    if (this.current === undefined) return false;
    const match = SEALED.exec(stored);
    return match === null || match[1] !== this.current.id;
  }
}
