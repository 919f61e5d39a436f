import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  keyIdOf,
  publicKeyOf,
  signCheckpoint,
  type CheckpointStatement,
  type SignedCheckpoint,
} from '../domain/checkpoint.js';

/** The signing key, and where checkpoints go. Kept apart from the database they vouch for. */
export interface CheckpointSettings {
  dir: string;
  keyFile: string;
}

/**
 * Signed checkpoints as files: `<dir>/<tenant>/<count, zero-padded>.json`, written atomically (temp file, rename),
 * and the public key as `<dir>/checkpoint-public-key.pem` for verifiers. In production `dir` is storage the
 * database's administrators cannot write (another volume, a WORM bucket mount).
 */
export class CheckpointStore {
  private constructor(
    readonly dir: string,
    private readonly privateKey: KeyObject | undefined,
    readonly publicKey: KeyObject,
  ) {}

  /** Opens the store with the signing key, creating the key (mode 0600) on first use. */
  static async forSigning(settings: CheckpointSettings): Promise<CheckpointStore> {
    const pem = await readFile(settings.keyFile, 'utf8').catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      const { privateKey } = generateKeyPairSync('ed25519');
      const created = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await mkdir(dirname(settings.keyFile), { recursive: true });
      await writeFile(settings.keyFile, created, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
      return readFile(settings.keyFile, 'utf8');
    });
    const privateKey = createPrivateKey(pem);
    const store = new CheckpointStore(settings.dir, privateKey, publicKeyOf(pem));
    await mkdir(settings.dir, { recursive: true });
    await writeFile(
      join(settings.dir, 'checkpoint-public-key.pem'),
      store.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    return store;
  }

  /** Opens a directory of checkpoints for verification only, with the public key given or the one stored there. */
  static async forVerifying(dir: string, publicKeyPem?: string): Promise<CheckpointStore> {
    const pem = publicKeyPem ?? (await readFile(join(dir, 'checkpoint-public-key.pem'), 'utf8'));
    return new CheckpointStore(dir, undefined, createPublicKey(pem));
  }

  get keyId(): string {
    return keyIdOf(this.publicKey);
  }

  async write(statement: Omit<CheckpointStatement, 'keyId'>): Promise<SignedCheckpoint> {
    if (!this.privateKey) throw new Error('this checkpoint store was opened for verifying only');
    const signed = signCheckpoint({ ...statement, keyId: this.keyId }, this.privateKey);
    const tenantDir = join(this.dir, statement.tenant);
    await mkdir(tenantDir, { recursive: true });
    const file = join(tenantDir, `${String(statement.count).padStart(12, '0')}.json`);
    await writeFile(`${file}.tmp`, `${JSON.stringify(signed, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
    return signed;
  }

  /** Every checkpoint of the tenant, oldest first; unreadable files are returned as such, not skipped. */
  async list(tenant: string): Promise<(SignedCheckpoint | { file: string; unreadable: string })[]> {
    const tenantDir = join(this.dir, tenant);
    const names = await readdir(tenantDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw e;
    });
    const files = names.filter((n) => /^\d+\.json$/.test(n)).sort();
    return Promise.all(
      files.map(async (name) => {
        const text = await readFile(join(tenantDir, name), 'utf8');
        try {
          return JSON.parse(text) as SignedCheckpoint;
        } catch (e) {
          return { file: name, unreadable: (e as Error).message };
        }
      }),
    );
  }

  async latest(tenant: string): Promise<SignedCheckpoint | undefined> {
    const all = await this.list(tenant);
    return all.filter((c): c is SignedCheckpoint => 'statement' in c).at(-1);
  }
}
