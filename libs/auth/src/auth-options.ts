import type { JSONWebKeySet } from 'jose';
import type { KnownTenancy } from './caller.js';
import { DEFAULT_CLAIM_MAPPING } from './claim-mapping.js';
import type { ClaimMapping } from './claim-mapping.js';
import { isRole } from './caller.js';

/** Asymmetric signature algorithms a deployment may allow; never `none` or a shared-secret (HS*) one. */
export const SUPPORTED_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

export const DEFAULT_ALGORITHMS: readonly string[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Where tokens come from and which keys sign them: a key set given (jwks), a key set URL (jwksUrl), or
 * neither, when the key set is found through the issuer's discovery document.
 */
export interface AuthOptions {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
  algorithms?: readonly string[];
  /** Which claims give the person, agency, tenant and roles; Baton's own names when absent. */
  claims?: Partial<ClaimMapping>;
  /** The tenants and agencies served; a token naming another is refused. */
  tenants?: KnownTenancy;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export function claimMappingOf(options: AuthOptions): ClaimMapping {
  return { ...DEFAULT_CLAIM_MAPPING, ...options.claims };
}

/** Refuses options that would leave tokens unverifiable, naming what is wrong. */
export function assertAuthOptions(options: AuthOptions): void {
  const problems: string[] = [];
  if (!options.issuer) problems.push('issuer is required');
  else if (options.jwks === undefined && options.jwksUrl === undefined && !URL.canParse(options.issuer)) {
    problems.push(`issuer is not a URL, so its discovery document cannot be found: ${options.issuer}`);
  }
  if (!options.audience) problems.push('audience is required');
  if (options.jwksUrl !== undefined && options.jwks !== undefined) {
    problems.push('at most one of jwksUrl and jwks may be given');
  }
  if (options.jwksUrl !== undefined && !URL.canParse(options.jwksUrl)) {
    problems.push(`jwksUrl is not a URL: ${options.jwksUrl}`);
  }
  if (options.algorithms !== undefined && options.algorithms.length === 0) {
    problems.push('algorithms must not be empty');
  }
  const unsupported = (options.algorithms ?? []).filter((alg) => !SUPPORTED_ALGORITHMS.includes(alg));
  if (unsupported.length > 0) {
    problems.push(`algorithms not supported: ${unsupported.join(', ')} (use ${SUPPORTED_ALGORITHMS.join(', ')})`);
  }
  const mapping = claimMappingOf(options);
  for (const field of ['person', 'name', 'email', 'agency', 'tenant', 'roles'] as const) {
    if (!mapping[field]) problems.push(`the ${field} claim must be named`);
  }
  const notRoles = Object.entries(mapping.roleValues).filter(([, role]) => !isRole(role));
  if (notRoles.length > 0) {
    problems.push(
      `role map names roles Baton does not have: ${notRoles.map(([from, to]) => `${from}=${to}`).join(', ')}`,
    );
  }
  if (problems.length > 0) throw new Error(`Invalid auth options: ${problems.join('; ')}`);
}
