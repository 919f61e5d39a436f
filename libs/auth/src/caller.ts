import type { JWTPayload } from 'jose';
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

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Maps verified claims to a caller; a token that cannot name a person, agency and tenant is refused. */
export function callerFromClaims(claims: JWTPayload): Caller {
  const personId = requiredString(claims, 'sub');
  const agencyId = requiredString(claims, 'agency_id');
  const tenant = requiredString(claims, 'tenant');
  // The name is for display only; an issuer that omits it still identifies the person by sub.
  const name = typeof claims.name === 'string' && claims.name.length > 0 ? claims.name : personId;
  const caller: Caller = { personId, name, agencyId, roles: rolesFrom(claims.roles), tenant };
  if (typeof claims.email === 'string' && claims.email.length > 0) caller.email = claims.email;
  return caller;
}

function requiredString(claims: JWTPayload, claim: string): string {
  const value = claims[claim];
  if (typeof value !== 'string' || value.trim().length === 0) throw invalidToken(`missing ${claim} claim`);
  return value;
}

function rolesFrom(claim: unknown): Role[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim)) throw invalidToken('roles claim must be an array of strings');
  const roles = new Set<Role>();
  for (const value of claim) {
    if (!isRole(value)) throw invalidToken(`unknown role: ${String(value)}`);
    roles.add(value);
  }
  return [...roles];
}
