import { jest } from '@jest/globals';
import { UnauthorizedException } from '@nestjs/common';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import type { AuthOptions } from './auth-options.js';
import type { Role } from './caller.js';
import { TestIssuer, type TestTokenClaims } from '@baton/testing';
import { TokenVerifier } from './token-verifier.js';

const ISSUER = 'https://issuer.test.invalid';
const AUDIENCE = 'baton';

const alex: TestTokenClaims = {
  sub: 'person-0001',
  name: 'Alex Example',
  email: 'alex.example@agency.test.invalid',
  agency_id: 'agency-north',
  roles: ['practitioner', 'triager'],
  tenant: 'demo',
};

/** Claims a real issuer might send but TestTokenClaims forbids; the verifier must cope with them. */
function untypedClaims(claims: Record<string, unknown>): TestTokenClaims {
  return claims as unknown as TestTokenClaims;
}

async function refusal(promise: Promise<unknown>): Promise<UnauthorizedException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedException);
  return error as UnauthorizedException;
}

async function signedByForeignKey(payload: JWTPayload, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

describe('TokenVerifier', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;
  let kid: string;

  beforeAll(async () => {
    issuer = await TestIssuer.ephemeral({ issuer: ISSUER, audience: AUDIENCE });
    verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: issuer.jwks() });
    kid = issuer.jwks().keys[0].kid ?? '';
  });

  it('turns a valid token into the caller it names', async () => {
    await expect(verifier.verify(await issuer.sign(alex))).resolves.toEqual({
      personId: 'person-0001',
      name: 'Alex Example',
      email: 'alex.example@agency.test.invalid',
      agencyId: 'agency-north',
      roles: ['practitioner', 'triager'],
      tenant: 'demo',
    });
  });

  it('accepts RS256 tokens as well as ES256', async () => {
    const rsa = await TestIssuer.ephemeral({ issuer: ISSUER, audience: AUDIENCE, algorithm: 'RS256' });
    const rsaVerifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: rsa.jwks() });
    await expect(rsaVerifier.verify(await rsa.sign(alex))).resolves.toMatchObject({ personId: 'person-0001' });
  });

  it('accepts EdDSA tokens from a key in the key set', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'ed-key', alg: 'EdDSA' }] };
    const token = await new SignJWT({ ...alex })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'ed-key' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const edVerifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks });
    await expect(edVerifier.verify(token)).resolves.toMatchObject({ agencyId: 'agency-north' });
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign(alex, { expiresIn: -60 });
    expect((await refusal(verifier.verify(token))).message).toBe('token expired');
  });

  it('takes a token it has verified as verified again only until the token expires', async () => {
    const token = await issuer.sign(alex, { expiresIn: 30 });
    const first = await verifier.verify(token);
    await expect(verifier.verify(token)).resolves.toEqual(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      jest.setSystemTime(Date.now() + 36_000); // past exp and the five seconds' tolerance
      expect((await refusal(verifier.verify(token))).message).toBe('token expired');
    } finally {
      jest.useRealTimers();
    }
  });

  it('tolerates a clock a few seconds behind the issuer', async () => {
    const token = await issuer.sign(alex, { expiresIn: -2 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'person-0001' });
  });

  it('refuses a token that is not yet valid', async () => {
    const token = await issuer.sign(alex, { notBefore: '10m' });
    expect((await refusal(verifier.verify(token))).message).toBe('token not yet valid');
  });

  it('refuses a token without an expiry', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'no-exp', alg: 'ES256' }] };
    const token = await new SignJWT({ ...alex })
      .setProtectedHeader({ alg: 'ES256', kid: 'no-exp' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(privateKey);
    const keyVerifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks });
    expect((await refusal(keyVerifier.verify(token))).message).toBe('missing exp claim');
  });

  it('refuses a token from another issuer', async () => {
    const token = await issuer.sign(alex, { issuer: 'https://elsewhere.test.invalid' });
    expect((await refusal(verifier.verify(token))).message).toBe('issuer mismatch');
  });

  it('refuses a token meant for another audience', async () => {
    const token = await issuer.sign(alex, { audience: 'someone-else' });
    expect((await refusal(verifier.verify(token))).message).toBe('audience mismatch');
  });

  it('refuses a token signed by a key the issuer does not hold, even under its key id', async () => {
    const token = await signedByForeignKey({ ...alex }, kid);
    expect((await refusal(verifier.verify(token))).message).toBe('signature verification failed');
  });

  it('refuses a token whose key id is not in the key set', async () => {
    const token = await signedByForeignKey({ ...alex }, 'unknown-key');
    expect((await refusal(verifier.verify(token))).message).toBe("no key in the issuer's key set matches the token");
  });

  it('refuses an HS256 token signed with a shared secret', async () => {
    const token = await new SignJWT({ ...alex })
      .setProtectedHeader({ alg: 'HS256', kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
    expect((await refusal(verifier.verify(token))).message).toBe(
      'algorithm not allowed (allowed: RS256, PS256, ES256, EdDSA)',
    );
  });

  it('refuses an algorithm the configuration leaves out', async () => {
    const esOnly = new TokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: issuer.jwks(),
      algorithms: ['RS256'],
    });
    expect((await refusal(esOnly.verify(await issuer.sign(alex)))).message).toBe(
      'algorithm not allowed (allowed: RS256)',
    );
  });

  it('refuses something that is not a JWT', async () => {
    expect((await refusal(verifier.verify('not-a-token'))).message).toBe('malformed token');
  });

  it.each(['sub', 'agency_id', 'tenant'])('refuses a token without %s', async (claim) => {
    const token = await issuer.sign(untypedClaims({ ...alex, [claim]: undefined }));
    expect((await refusal(verifier.verify(token))).message).toBe(`missing ${claim} claim`);
  });

  it('ignores role values Baton does not know, keeping the ones it does', async () => {
    const token = await issuer.sign({
      ...alex,
      roles: ['practitioner', 'superuser' as Role, 'offline_access' as Role],
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['practitioner'] });
  });

  it('reads roles given as one space-separated string', async () => {
    const token = await issuer.sign(untypedClaims({ ...alex, roles: 'manager auditor' }));
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['manager', 'auditor'] });
  });

  it('refuses roles that are neither a list of strings nor a string', async () => {
    const token = await issuer.sign(untypedClaims({ ...alex, roles: { manager: true } }));
    expect((await refusal(verifier.verify(token))).message).toBe('roles claim must be a list of strings');
  });

  it('accepts PS256 tokens by default', async () => {
    const { privateKey, publicKey } = await generateKeyPair('PS256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'ps-key', alg: 'PS256' }] };
    const token = await new SignJWT({ ...alex })
      .setProtectedHeader({ alg: 'PS256', kid: 'ps-key' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks }).verify(token)).resolves.toMatchObject({
      personId: 'person-0001',
    });
    const rsOnly = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks, algorithms: ['RS256'] });
    expect((await refusal(rsOnly.verify(token))).message).toBe('algorithm not allowed (allowed: RS256)');
  });

  it('treats a token without roles as a caller with none', async () => {
    const token = await issuer.sign(untypedClaims({ ...alex, roles: undefined, email: undefined }));
    const caller = await verifier.verify(token);
    expect(caller.roles).toEqual([]);
    expect(caller).not.toHaveProperty('email');
  });

  it.each<[string, Partial<AuthOptions>]>([
    ['neither a key set nor an issuer URL to discover one from', { jwks: undefined, issuer: 'not a url' }],
    ['a shared-secret algorithm', { algorithms: ['HS256'] }],
    ['a role map naming a role Baton does not have', { claims: { roleValues: { 'Baton.Boss': 'boss' } } }],
    ['both jwksUrl and jwks', { jwksUrl: 'https://issuer.test.invalid/jwks' }],
    ['no issuer', { issuer: '' }],
  ])('will not start with %s', (_case, change) => {
    const options: AuthOptions = { issuer: ISSUER, audience: AUDIENCE, jwks: issuer.jwks(), ...change };
    expect(() => new TokenVerifier(options)).toThrow(/Invalid auth options/);
  });
});
