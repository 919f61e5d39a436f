import type { TenantDirectory } from '@baton/tenancy';

/** An invented person from a tenant file, as the sign-in page lists them and their tokens describe them. */
export interface DevPerson {
  personId: string;
  name: string;
  email?: string;
  jobTitle?: string;
  tenant: string;
  tenantName: string;
  agencyId: string;
  agencyName: string;
  roles: string[];
}

/** An agency's own system, signing in with client credentials rather than as a person. */
export interface SystemClient {
  clientId: string;
  clientSecret: string;
  /** Shown as the caller's name, e.g. "Demo Youth Offending Team (case system)". */
  name: string;
  tenant: string;
  agencyId: string;
  roles: string[];
}

/** Every person of every tenant in the directory, in file order. */
export function peopleOf(tenants: TenantDirectory): DevPerson[] {
  return tenants.codes().flatMap((code) => {
    const tenant = tenants.requireTenant(code);
    return tenant.people.map((person) => ({
      personId: person.personId,
      name: person.name,
      email: person.email,
      jobTitle: person.jobTitle,
      tenant: tenant.code,
      tenantName: tenant.name,
      agencyId: person.agencyId,
      agencyName: tenants.agency(tenant, person.agencyId)?.name ?? person.agencyId,
      roles: [...person.roles],
    }));
  });
}

/** Secret of every agency system client the development provider registers by itself (never used beyond it). */
export const DEV_SYSTEM_CLIENT_SECRET = 'agency-system-development-secret';

/**
 * One client credentials client per agency of every tenant, id `<tenant>.<agency id>.system`, so an agency's
 * system can call Baton in development; it acts as a practitioner of its agency.
 */
export function agencySystemClients(
  tenants: TenantDirectory,
  clientSecret = process.env.DEV_SYSTEM_CLIENT_SECRET || DEV_SYSTEM_CLIENT_SECRET,
): SystemClient[] {
  return tenants.codes().flatMap((code) =>
    tenants.requireTenant(code).agencies.map((agency) => ({
      clientId: `${code}.${agency.id}.system`,
      clientSecret,
      name: `${agency.name} (system)`,
      tenant: code,
      agencyId: agency.id,
      roles: ['practitioner'],
    })),
  );
}
