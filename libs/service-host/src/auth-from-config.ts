import { parseValueMap, type AuthOptions } from '@baton/auth';
import type { ServiceConfig } from '@baton/config';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';

/**
 * Token verification as the configuration says (README: Configuration, Sign-in): issuer, audience, key set
 * (or discovery), algorithms and claim mapping; and the tenant files, so a token naming a tenant or agency
 * they do not hold is refused on every route.
 */
export function authOptionsFrom(config: ServiceConfig, tenants?: TenantDirectory): AuthOptions {
  return {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwksUrl: config.AUTH_JWKS_URL,
    algorithms: config.AUTH_ALGORITHMS.split(',').map((alg) => alg.trim()),
    claims: {
      person: config.AUTH_PERSON_CLAIM,
      name: config.AUTH_NAME_CLAIM,
      email: config.AUTH_EMAIL_CLAIM,
      agency: config.AUTH_AGENCY_CLAIM,
      tenant: config.AUTH_TENANT_CLAIM,
      roles: config.AUTH_ROLES_CLAIM,
      roleValues: parseValueMap(config.AUTH_ROLE_MAP ?? '', 'AUTH_ROLE_MAP'),
      tenantValues: parseValueMap(config.AUTH_TENANT_MAP ?? '', 'AUTH_TENANT_MAP'),
    },
    tenants: tenants ?? TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir()),
  };
}
