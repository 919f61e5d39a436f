import { Inject, Injectable, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import * as oidc from 'openid-client';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { AUTH_OPTIONS, assertAuthOptions, claimMappingOf, DEFAULT_ALGORITHMS } from './auth-options.js';
import type { AuthOptions } from './auth-options.js';
import { callerFromClaims } from './caller.js';
import type { Caller } from './caller.js';
import type { ClaimMapping } from './claim-mapping.js';
import { invalidToken } from './invalid-token.js';

/** Allows for small clock differences between the issuer and this service. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * A token verified once is taken as verified, for the same exact string, until it expires or for this long at most,
 * whichever comes first: a screen that refreshes often should not pay for a signature check each time. The bound
 * keeps a key withdrawn from the issuer's set from being honoured for longer than the key set's own cache would.
 */
const VERIFIED_FOR_AT_MOST_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

/** A key set found through discovery is looked for again at most this often after failing. */
const DISCOVERY_RETRY_MS = 5_000;

/** Failures that say nothing about the token: the issuer's keys could not be fetched. */
const KEY_SET_UNAVAILABLE = new Set(['ERR_JOSE_GENERIC', 'ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

/** Verifies bearer tokens against the configured issuer and keys; usable from HTTP, messages or scripts. */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly algorithms: string[];
  private readonly mapping: ClaimMapping;
  private keys: JWTVerifyGetKey | undefined;
  private discovering: { keys: Promise<JWTVerifyGetKey>; failedAt?: number } | undefined;
  private jwksUrl: string | undefined;
  private readonly verified = new LRUCache<string, { caller: Caller; until: number }>({ max: VERIFIED_TOKENS_KEPT });

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    assertAuthOptions(options);
    this.algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
    this.mapping = claimMappingOf(options);
    this.jwksUrl = options.jwksUrl;
    if (options.jwks) this.keys = createLocalJWKSet(options.jwks);
    else if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
  }

  /** Resolves to the caller the token names, or throws UnauthorizedException saying why it was refused. */
  async verify(token: string): Promise<Caller> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return known.caller;
    const claims = await this.verifiedClaims(token);
    // Shared by every request that presents this token until it goes, so nobody may change it.
    const named = callerFromClaims(claims, this.mapping, this.options.tenants);
    const caller: Caller = Object.freeze({ ...named, roles: Object.freeze(named.roles) as Caller['roles'] });
    const expires = ((claims.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000;
    this.verified.set(token, { caller, until: Math.min(expires, now + VERIFIED_FOR_AT_MOST_MS) });
    return caller;
  }

  /**
   * The issuer's key set: given, at AUTH_JWKS_URL, or at the jwks_uri of the issuer's discovery document
   * (found on first use, so a service starts while its identity provider is still starting).
   */
  private keySet(): Promise<JWTVerifyGetKey> {
    if (this.keys) return Promise.resolve(this.keys);
    const now = Date.now();
    if (this.discovering?.failedAt !== undefined && now - this.discovering.failedAt >= DISCOVERY_RETRY_MS) {
      this.discovering = undefined;
    }
    if (!this.discovering) {
      const attempt: { keys: Promise<JWTVerifyGetKey>; failedAt?: number } = {
        keys: this.discoverKeySet().then(
          (keys) => (this.keys = keys),
          (error: unknown) => {
            attempt.failedAt = Date.now();
            throw error;
          },
        ),
      };
      this.discovering = attempt;
    }
    return this.discovering.keys;
  }

  private async discoverKeySet(): Promise<JWTVerifyGetKey> {
    const issuer = new URL(this.options.issuer);
    // Services are resource servers, not clients: discovery needs a client id, and the audience names this one.
    const configuration = await oidc.discovery(issuer, this.options.audience, undefined, oidc.None(), {
      execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    });
    const jwksUri = configuration.serverMetadata().jwks_uri;
    if (!jwksUri) throw new Error(`the discovery document of ${this.options.issuer} names no jwks_uri`);
    this.jwksUrl = jwksUri;
    return createRemoteJWKSet(new URL(jwksUri));
  }

  private async verifiedClaims(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
      return payload;
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private refusal(error: unknown): UnauthorizedException | ServiceUnavailableException {
    if (error instanceof errors.JOSEError && !KEY_SET_UNAVAILABLE.has(error.code)) {
      return invalidToken(describeJoseFailure(error, this.algorithms));
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(
      `Cannot fetch the issuer's signing keys from ${this.jwksUrl ?? `the discovery document of ${this.options.issuer}`}: ${reason}`,
    );
    return new ServiceUnavailableException("issuer's signing keys are unavailable");
  }
}

function describeJoseFailure(error: errors.JOSEError, allowed: string[]): string {
  if (error instanceof errors.JWTExpired)
    return error.claim === 'exp' ? 'token expired' : `invalid ${error.claim} claim`;
  if (error instanceof errors.JWTClaimValidationFailed) return describeClaimFailure(error);
  switch (error.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'signature verification failed';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return `algorithm not allowed (allowed: ${allowed.join(', ')})`;
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return "no key in the issuer's key set matches the token";
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'token uses an unsupported algorithm or header';
    default:
      return 'malformed token';
  }
}

function describeClaimFailure(error: errors.JWTClaimValidationFailed): string {
  if (error.reason === 'missing') return `missing ${error.claim} claim`;
  switch (error.claim) {
    case 'iss':
      return 'issuer mismatch';
    case 'aud':
      return 'audience mismatch';
    case 'nbf':
      return 'token not yet valid';
    default:
      return `invalid ${error.claim} claim`;
  }
}
