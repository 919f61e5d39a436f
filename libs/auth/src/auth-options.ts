import type { JSONWebKeySet } from 'jose';

export const DEFAULT_ALGORITHMS: readonly string[] = ['RS256', 'ES256', 'EdDSA'];

/** Where tokens come from and which keys sign them; exactly one of jwksUrl and jwks. */
export interface AuthOptions {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
  algorithms?: string[];
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Refuses options that would leave tokens unverifiable, naming what is wrong. */
export function assertAuthOptions(options: AuthOptions): void {
  const problems: string[] = [];
  if (!options.issuer) problems.push('issuer is required');
  if (!options.audience) problems.push('audience is required');
  if ((options.jwksUrl === undefined) === (options.jwks === undefined)) {
    problems.push('exactly one of jwksUrl and jwks is required');
  }
  if (options.jwksUrl !== undefined && !URL.canParse(options.jwksUrl)) {
    problems.push(`jwksUrl is not a URL: ${options.jwksUrl}`);
  }
  if (options.algorithms !== undefined && options.algorithms.length === 0) {
    problems.push('algorithms must not be empty');
  }
  if (problems.length > 0) throw new Error(`Invalid auth options: ${problems.join('; ')}`);
}
