import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { JSONWebKeySet } from 'jose';
import type { Role } from '@baton/auth';
import { serveJwks } from './jwks-server.js';
import type { RunningJwksServer } from './jwks-server.js';
import { generateSigningKey } from './signing-key.js';
import type { TestSigningAlgorithm, SigningKey } from './signing-key.js';

export const TEST_AUDIENCE = 'baton';
const DEFAULT_EXPIRY = '1h';

export interface TestIssuerOptions {
  /** Defaults to the base URL the issuer is served on once listen() has been called. */
  issuer?: string;
  audience?: string;
  algorithm?: TestSigningAlgorithm;
}

/** The claims Baton reads from a token (see callerFromClaims). */
export interface TestTokenClaims {
  sub: string;
  name: string;
  email?: string;
  agency_id: string;
  roles: Role[];
  tenant: string;
}

export interface TestSignOptions {
  /** A jose time span ('8h', '-1m') or a number of seconds from now. */
  expiresIn?: string | number;
  /** A jose time span, a number of seconds from now, or a date. */
  notBefore?: string | number | Date;
  issuer?: string;
  audience?: string;
}

/**
 * A token signer for tests that need tokens of any shape at will (a person who is in no tenant file, an expired
 * token, a foreign issuer), serving its keys over HTTP for the service under test. The running system signs
 * with the development identity provider (`@baton/dev-identity`), never with this.
 */
export class TestIssuer {
  readonly audience: string;
  private configuredIssuer: string | undefined;

  private constructor(
    private readonly key: SigningKey,
    options: TestIssuerOptions,
  ) {
    this.configuredIssuer = options.issuer;
    this.audience = options.audience ?? TEST_AUDIENCE;
  }

  /** A fresh key pair held in memory only. */
  static async ephemeral(options: TestIssuerOptions = {}): Promise<TestIssuer> {
    return new TestIssuer(await generateSigningKey(options.algorithm ?? 'ES256'), options);
  }

  get issuer(): string {
    if (this.configuredIssuer === undefined) {
      throw new Error('TestIssuer has no issuer yet: pass one when creating it, or call listen() first');
    }
    return this.configuredIssuer;
  }

  get algorithm(): TestSigningAlgorithm {
    return this.key.algorithm;
  }

  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.key.publicJwk }] };
  }

  async sign(claims: TestTokenClaims, options: TestSignOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const token = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: this.key.algorithm, kid: this.key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .setExpirationTime(instant(options.expiresIn ?? DEFAULT_EXPIRY, now));
    if (options.notBefore !== undefined) token.setNotBefore(instant(options.notBefore, now));
    return token.sign(this.key.privateKey);
  }

  /** Serves GET /.well-known/jwks.json and /.well-known/openid-configuration over plain HTTP. */
  async listen(port: number, host = '127.0.0.1'): Promise<RunningJwksServer> {
    const server = await serveJwks(
      {
        jwks: () => this.jwks(),
        issuer: (baseUrl) => this.configuredIssuer ?? baseUrl,
        algorithms: () => [this.key.algorithm],
      },
      port,
      host,
    );
    this.configuredIssuer ??= server.url;
    return server;
  }
}

/** jose reads a number as an absolute time; here a number means seconds from now, like a time span. */
function instant(value: string | number | Date, now: number): string | number | Date {
  return typeof value === 'number' ? now + value : value;
}
