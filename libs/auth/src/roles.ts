import { ForbiddenException, SetMetadata } from '@nestjs/common';
import type { Caller, Role } from './caller.js';

export const REQUIRED_ROLES = 'baton:auth:roles';

/** Limits a route (or a controller) to callers holding at least one of the roles; checked by BearerAuthGuard. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/**
 * The roles that work with families' cases. A relationship to a family's record (referrer, member, lead...) is
 * held through one of them: an agency admin (webhooks, dead letters) or an auditor (the ledger) of an involved
 * agency does not read its case records by that agency's relationship.
 */
export const CASEWORK_ROLES: readonly Role[] = ['practitioner', 'triager', 'manager'];

export function worksWithFamilies(caller: Caller): boolean {
  return hasRole(caller, ...CASEWORK_ROLES);
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((role) => caller.roles.includes(role));
}

/** Throws ForbiddenException naming the roles unless the caller holds at least one of them. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!hasRole(caller, ...roles)) {
    throw new ForbiddenException(`requires one of the roles: ${roles.join(', ')}`);
  }
}
