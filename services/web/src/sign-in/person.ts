import { decodeJwt, type JWTPayload } from 'jose';
import type { TenantDirectory } from '@baton/tenancy';
import type { SignedInPerson } from './session.types.js';

export const ROLES = ['practitioner', 'triager', 'manager', 'agency-admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The person from the tokens the provider returned over the back channel: the ID token for who they
 * are, the access token for the agency, tenant and roles the services will see in it.
 */
export function personFromTokens(
  idTokenClaims: JWTPayload | undefined,
  accessToken: string,
  tenants: TenantDirectory,
): SignedInPerson {
  const access = decodeJwt(accessToken);
  const claims = { ...idTokenClaims, ...access };
  const personId = text(claims.sub);
  const agencyId = text(claims.agency_id);
  const tenant = text(claims.tenant);
  if (!personId || !agencyId || !tenant) {
    throw new Error('The access token does not name a person, agency and local authority (sub, agency_id, tenant)');
  }
  const name = text(idTokenClaims?.name) ?? text(claims.name) ?? personId;
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role))
    : [];
  return {
    personId,
    name,
    agencyId,
    agencyName: tenants.agency(tenant, agencyId)?.name ?? agencyId,
    tenant,
    roles,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
