import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { generateSigningKey, signingKeyFromJwk } from './signing-key.js';
import type { DevSigningAlgorithm, SigningKey } from './signing-key.js';

export const PRIVATE_KEY_FILE = 'signing-key.private.jwk.json';
export const PUBLIC_KEYS_FILE = 'jwks.json';

/**
 * Reads the signing key kept in dir, creating it on first use. The start script and the token
 * script may both get here first, so the key file appears atomically and the first writer wins.
 */
export async function loadOrCreateSigningKey(dir: string, algorithm: DevSigningAlgorithm): Promise<SigningKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const existing = await readKeyFile(privatePath);
  if (existing) return signingKeyFromJwk(existing);

  const created = await generateSigningKey(algorithm);
  const won = await publishExclusively(privatePath, created.privateJwk);
  const key = won ? created : await signingKeyFromJwk((await readKeyFile(privatePath)) ?? created.privateJwk);
  await writeAtomically(join(dir, PUBLIC_KEYS_FILE), { keys: [key.publicJwk] }, 0o644);
  return key;
}

async function readKeyFile(path: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the dev issuer key ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes a private file beside path, then hard-links it into place: link fails if another writer got there first. */
async function publishExclusively(path: string, jwk: JWK): Promise<boolean> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

async function writeAtomically(path: string, content: unknown, mode: number): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode });
  await rename(temporary, path);
}
