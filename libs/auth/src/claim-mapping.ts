import type { JWTPayload } from 'jose';

/**
 * Which claims of a verified token say who the caller is, and how the provider's values become Baton's.
 * Claim names may be dot paths into nested claims (`realm_access.roles`, `resource_access.baton.roles`);
 * a claim whose own name holds a dot (`extn.agencyId`) is found under that name first.
 */
export interface ClaimMapping {
  person: string;
  name: string;
  email: string;
  agency: string;
  tenant: string;
  roles: string;
  /** A provider's role value → Baton's role (`Baton.Triager` → `triager`); Baton's own role names map to themselves. */
  roleValues: Readonly<Record<string, string>>;
  /** A provider's tenant value → Baton's tenant code (an Entra directory id → `demo`); unmapped values are taken as they are. */
  tenantValues: Readonly<Record<string, string>>;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = Object.freeze({
  person: 'sub',
  name: 'name',
  email: 'email',
  agency: 'agency_id',
  tenant: 'tenant',
  roles: 'roles',
  roleValues: Object.freeze({}),
  tenantValues: Object.freeze({}),
});

/** The value at a claim name or dot path, or undefined when any step is missing. */
export function claimAt(claims: JWTPayload, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * Reads a value map written `from=to,from2=to2` (as AUTH_ROLE_MAP and AUTH_TENANT_MAP are), naming the entry
 * that is not of that form. Both sides are trimmed; a value may itself hold '=' only on the left of the last one.
 */
export function parseValueMap(text: string, variable: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.lastIndexOf('=');
    const from = entry.slice(0, at).trim();
    const to = entry.slice(at + 1).trim();
    if (at < 0 || from === '' || to === '') {
      throw new Error(`${variable}: "${entry.trim()}" is not of the form providerValue=batonValue`);
    }
    map[from] = to;
  }
  return map;
}
