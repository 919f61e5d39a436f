export { AuthModule } from './auth.module.js';
export type { AuthAsyncOptions } from './auth.module.js';
export {
  AUTH_OPTIONS,
  DEFAULT_ALGORITHMS,
  SUPPORTED_ALGORITHMS,
  assertAuthOptions,
  claimMappingOf,
} from './auth-options.js';
export type { AuthOptions } from './auth-options.js';
export { BearerAuthGuard } from './bearer-auth.guard.js';
export type { AuthenticatedRequest } from './bearer-auth.guard.js';
export { ROLES, callerFromClaims, isRole } from './caller.js';
export type { Caller, KnownTenancy, Role } from './caller.js';
export { DEFAULT_CLAIM_MAPPING, claimAt, parseValueMap } from './claim-mapping.js';
export type { ClaimMapping } from './claim-mapping.js';
export { CurrentCaller } from './current-caller.decorator.js';
export { bearerChallenge, invalidToken } from './invalid-token.js';
export { IS_PUBLIC, Public } from './public.js';
export { CASEWORK_ROLES, REQUIRED_ROLES, Roles, hasRole, requireRole, worksWithFamilies } from './roles.js';
export { TokenVerifier } from './token-verifier.js';
export type { JSONWebKeySet } from 'jose';
