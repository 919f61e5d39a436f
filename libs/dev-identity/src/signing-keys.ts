import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';

/** The algorithm every development key signs with: the one every OpenID relying party and Baton accept. */
export const SIGNING_ALGORITHM = 'RS256';
export const SIGNING_KEYS_FILE = 'signing-keys.json';

/**
 * One private key as kept on disk. The next key is published before it signs, so relying parties already
 * hold it when a rotation makes it the signing key; a retired key no longer signs but stays published for a while.
 */
export interface StoredSigningKey {
  jwk: JWK;
  createdAt: string;
  next?: true;
  retiredAt?: string;
}

interface SigningKeysFile {
  keys: StoredSigningKey[];
}

/**
 * The provider's signing keys, kept as private JWKs in `<dir>/signing-keys.json` (mode 0600): created on
 * first use, reused across restarts, rotated on demand. The published set holds the signing key, the next
 * one (published ahead, so verifiers that cached the set know it) and retired keys until every token they
 * signed has expired. A rotation makes the next key the signing key and publishes a new next key.
 */
export class SigningKeys {
  private constructor(
    private readonly path: string,
    private stored: StoredSigningKey[],
    private readonly retiredKeptForMs: number,
  ) {}

  /** Reads dir's key file, creating it with one fresh key if there is none; several processes may race here. */
  static async open(dir: string, retiredKeptForMs: number): Promise<SigningKeys> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, SIGNING_KEYS_FILE);
    const existing = await readKeysFile(path);
    if (existing) return new SigningKeys(path, existing.keys, retiredKeptForMs);
    const created: SigningKeysFile = { keys: [await newKey(), { ...(await newKey()), next: true }] };
    await writeExclusively(path, created);
    return new SigningKeys(path, ((await readKeysFile(path)) ?? created).keys, retiredKeptForMs);
  }

  /** Takes up what another process wrote (a rotation by `node scripts/dev-issuer.js --rotate-keys`); true if it changed. */
  async reload(): Promise<boolean> {
    const onDisk = await readKeysFile(this.path);
    if (!onDisk) return false;
    const fingerprint = (keys: StoredSigningKey[]) =>
      JSON.stringify(keys.map((key) => [key.jwk.kid, key.next, key.retiredAt]));
    if (fingerprint(onDisk.keys) === fingerprint(this.stored)) return false;
    this.stored = onDisk.keys;
    return true;
  }

  /** Private JWKs for oidc-provider: the signing key first, then the next key, then retired keys within their grace. */
  privateJwks(now = Date.now()): JWK[] {
    return this.live(now).map((key) => ({ ...key.jwk }));
  }

  /** The kid of the key that signs. */
  get currentKid(): string {
    const current = this.stored.find(isSigning);
    if (!current?.jwk.kid) throw new Error(`${this.path} holds no signing key in use`);
    return current.jwk.kid;
  }

  /** When the next retired key leaves the published set, if one is waiting to. */
  nextExpiry(now = Date.now()): number | undefined {
    const expiries = this.live(now)
      .filter((key) => key.retiredAt !== undefined)
      .map((key) => Date.parse(key.retiredAt as string) + this.retiredKeptForMs);
    return expiries.length > 0 ? Math.min(...expiries) : undefined;
  }

  /** Makes the next key the signing key, retires the old one, publishes a new next key and forgets expired ones. */
  async rotate(now = Date.now()): Promise<string> {
    const live = this.live(now);
    const next = live.find((key) => key.next) ?? (await newKey(now));
    const retiredAt = new Date(now).toISOString();
    const retired = live
      .filter((key) => key !== next)
      .map((key) => (key.retiredAt ? key : { jwk: key.jwk, createdAt: key.createdAt, retiredAt }));
    const { next: _wasNext, ...promoted } = next;
    this.stored = [promoted, { ...(await newKey(now)), next: true }, ...retired];
    await writeAtomically(this.path, { keys: this.stored });
    return promoted.jwk.kid as string;
  }

  private live(now: number): StoredSigningKey[] {
    const live = this.stored.filter(
      (key) => key.retiredAt === undefined || Date.parse(key.retiredAt) + this.retiredKeptForMs > now,
    );
    // The signing key leads: oidc-provider signs with the first key that fits.
    return [...live.filter(isSigning), ...live.filter((key) => !isSigning(key))];
  }
}

function isSigning(key: StoredSigningKey): boolean {
  return key.retiredAt === undefined && !key.next;
}

async function newKey(now = Date.now()): Promise<StoredSigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e });
  return { jwk: { ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }, createdAt: new Date(now).toISOString() };
}

async function readKeysFile(path: string): Promise<SigningKeysFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<SigningKeysFile>;
  if (!Array.isArray(parsed.keys) || !parsed.keys.some((key) => isSigning(key) && key.jwk?.d)) {
    throw new Error(`${path} holds no private signing key; remove it to have a new one made`);
  }
  return parsed as SigningKeysFile;
}

/** Writes a private file beside path, then hard-links it into place: the link fails if another writer won. */
async function writeExclusively(path: string, content: SigningKeysFile): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

async function writeAtomically(path: string, content: SigningKeysFile): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
