import type { PlanProfessional } from '@baton/contracts';
import type { PersonConfig, TenantConfig } from '@baton/tenancy';

export interface AcceptedReferral {
  receivingAgencyId: string;
  decidedBy: { personId: string; name: string; agencyId: string };
  allocatedTeamId?: string;
  /** The worker triage allocated, by their id in the tenant's people (referrals checked they may lead). */
  allocatedWorkerId?: string;
}

/**
 * Who holds the baton the moment a plan opens from an accepted referral. The worker triage allocated (by person
 * id), when they are a practitioner of the receiving agency; otherwise the practitioner who accepted the family
 * for early help, until they hand over. Either way a named person from the first instant — never a team.
 */
export function initialLeadFor(referral: AcceptedReferral, tenant: TenantConfig): PlanProfessional {
  const agency = tenant.agencies.find((a) => a.id === referral.receivingAgencyId);
  const allocated = referral.allocatedWorkerId
    ? tenant.people.find(
        (p) =>
          p.personId === referral.allocatedWorkerId &&
          p.agencyId === referral.receivingAgencyId &&
          p.roles.includes('practitioner'),
      )
    : undefined;
  const person: Pick<PersonConfig, 'personId' | 'name' | 'agencyId'> & Partial<PersonConfig> =
    allocated ??
    tenant.people.find(
      (p) => p.personId === referral.decidedBy.personId && p.agencyId === referral.decidedBy.agencyId,
    ) ??
    referral.decidedBy;
  const team = referral.allocatedTeamId ? tenant.teams.find((t) => t.id === referral.allocatedTeamId) : undefined;
  const personAgency = tenant.agencies.find((a) => a.id === person.agencyId) ?? agency;
  return {
    personId: person.personId,
    name: person.name,
    agencyId: person.agencyId,
    agencyName: personAgency?.name ?? person.agencyId,
    role: person.jobTitle ?? team?.name ?? 'Early help practitioner',
    // Where the directory has no address for the person, the agency's own: a contact that reaches someone.
    email: person.email ?? personAgency?.email ?? '',
    ...(person.phone ? { phone: person.phone } : {}),
  };
}
