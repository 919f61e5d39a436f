import type { TenantDirectory } from '@baton/tenancy';
import type { TenantPeople } from '../domain/routing-rule.js';

/** Routing's view of one tenant's reference data (config/tenants/<tenant>.json). */
export function tenantPeople(directory: TenantDirectory, tenant: string): TenantPeople {
  const config = directory.tenant(tenant);
  const agencies = config?.agencies ?? [];
  const people = config?.people ?? [];
  return {
    agencyExists: (agencyId) => agencies.some((a) => a.id === agencyId),
    agenciesOfKind: (kind) => agencies.filter((a) => a.kind === kind).map((a) => a.id),
    peopleWithRoles: (agencyId, roles) =>
      people.filter((p) => p.agencyId === agencyId && p.roles.some((r) => roles.includes(r))).map((p) => p.personId),
    agencyOfPerson: (personId) => people.find((p) => p.personId === personId)?.agencyId,
  };
}
