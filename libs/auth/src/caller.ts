import type { JWTPayload } from 'jose';
import { claimAt, DEFAULT_CLAIM_MAPPING } from './claim-mapping.js';
import type { ClaimMapping } from './claim-mapping.js';
import { invalidToken } from './invalid-token.js';

export const ROLES = ['practitioner', 'triager', 'manager', 'agency-admin', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

/** The person behind a request, as their verified token describes them. */
export interface Caller {
  personId: string;
  name: string;
  email?: string;
  agencyId: string;
  roles: Role[];
  tenant: string;
}

/**
 * The tenants and agencies this deployment serves (a `TenantDirectory` is one): a token naming any other is
 * refused, so a caller from an authority or agency Baton was never configured for cannot act.
 */
export interface KnownTenancy {
  tenant(code: string): unknown;
  agency(tenant: string, agencyId: string): unknown;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Maps verified claims to a caller through the claim mapping. A token that cannot name a person, agency and
 * tenant, or names a tenant or agency the deployment does not serve, is refused naming the claim; role values
 * Baton does not know (a provider's own, such as Keycloak's `offline_access`) are ignored.
 */
export function callerFromClaims(
  claims: JWTPayload,
  mapping: ClaimMapping = DEFAULT_CLAIM_MAPPING,
  tenancy?: KnownTenancy,
): Caller {
  const personId = requiredString(claims, mapping.person);
  const agencyId = requiredString(claims, mapping.agency);
  const providerTenant = requiredString(claims, mapping.tenant);
  const tenant = mapping.tenantValues[providerTenant] ?? providerTenant;
  if (tenancy && !tenancy.tenant(tenant)) {
    throw invalidToken(`${mapping.tenant} claim names a tenant Baton does not serve: ${providerTenant}`);
  }
  if (tenancy && !tenancy.agency(tenant, agencyId)) {
    throw invalidToken(`${mapping.agency} claim names an agency tenant ${tenant} does not have: ${agencyId}`);
  }
  // The name is for display only; an issuer that omits it still identifies the person.
  const name = optionalString(claims, mapping.name) ?? personId;
  const caller: Caller = { personId, name, agencyId, roles: rolesFrom(claims, mapping), tenant };
  const email = optionalString(claims, mapping.email);
  if (email !== undefined) caller.email = email;
  return caller;
}

function requiredString(claims: JWTPayload, path: string): string {
  const value = claimAt(claims, path);
  if (typeof value !== 'string' || value.trim().length === 0) throw invalidToken(`missing ${path} claim`);
  return value;
}

function optionalString(claims: JWTPayload, path: string): string | undefined {
  const value = claimAt(claims, path);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A list of strings, or one string of space-separated values (as some providers send a single role). */
function rolesFrom(claims: JWTPayload, mapping: ClaimMapping): Role[] {
  const claim = claimAt(claims, mapping.roles);
  if (claim === undefined) return [];
  const values = typeof claim === 'string' ? claim.split(/\s+/).filter(Boolean) : claim;
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) {
    throw invalidToken(`${mapping.roles} claim must be a list of strings`);
  }
  const roles = new Set<Role>();
  for (const value of values) {
    const role = Object.hasOwn(mapping.roleValues, value) ? mapping.roleValues[value] : value;
    if (isRole(role)) roles.add(role);
  }
  return [...roles];
}
