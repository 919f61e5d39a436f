import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';

export type TestSigningAlgorithm = 'ES256' | 'RS256';

/** A private key ready to sign, with its public half as published in the JWKS. */
export interface SigningKey {
  algorithm: TestSigningAlgorithm;
  kid: string;
  privateKey: CryptoKey;
  /** Private JWK carrying kid and alg, as persisted on disk. */
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Members of a JWK that describe the public key; everything else (d, p, q...) is private. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

export async function generateSigningKey(algorithm: TestSigningAlgorithm): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const exported = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicPartOf(exported));
  return signingKeyFromJwk({ ...exported, kid, alg: algorithm, use: 'sig' });
}

export async function signingKeyFromJwk(privateJwk: JWK): Promise<SigningKey> {
  const algorithm = privateJwk.alg;
  if (!isTestSigningAlgorithm(algorithm)) {
    throw new Error(`Test issuer keys must be ES256 or RS256, found ${String(algorithm)}`);
  }
  if (!privateJwk.d) throw new Error('Test issuer key file holds no private key');
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicPartOf(privateJwk)));
  const privateKey = await importJWK(privateJwk, algorithm);
  if (privateKey instanceof Uint8Array) throw new Error('Test issuer keys must be asymmetric');
  return {
    algorithm,
    kid,
    privateKey,
    privateJwk: { ...privateJwk, kid },
    publicJwk: { ...publicPartOf(privateJwk), kid, alg: algorithm, use: 'sig' },
  };
}

function isTestSigningAlgorithm(value: unknown): value is TestSigningAlgorithm {
  return value === 'ES256' || value === 'RS256';
}

function publicPartOf(jwk: JWK): JWK {
  const publicJwk: JWK = {};
  for (const member of PUBLIC_MEMBERS) {
    if (jwk[member] !== undefined) publicJwk[member] = jwk[member];
  }
  return publicJwk;
}
