import { worksWithFamilies, type Caller } from '@baton/auth';

/**
 * How a caller stands to an order or contract, strongest first:
 * - `holder`: the responsible officer, or a manager of the holding agency — everything;
 * - `lead-professional`: the family's TAF lead — status and requirements, not offence detail;
 * - `plan-member`: an agency on the family's TAF plan — status only.
 * - `break-glass`: no relationship, but a live break-glass grant for the family — status only, as a plan member.
 * Anyone else (another agency, another local authority, a caller without a casework role) gets 404, never 403.
 */
export type RecordRelationship = 'holder' | 'lead-professional' | 'plan-member' | 'break-glass';

export interface HeldRecord {
  tenant: string;
  holdingAgencyId: string;
  officerPersonId: string;
}

/** The family's open TAF plans, as this service's copy of the taf service's events has them. */
export interface FamilyInvolvement {
  /** Each open plan's lead professional: the person and the agency they lead for. */
  leads: readonly { personId: string; agencyId: string }[];
  memberAgencyIds: readonly string[];
}

/**
 * The responsible officer is a person of the holding agency: a token naming the officer's person id with any
 * other agency is not the officer (person AND agency, as everywhere a relationship is the key).
 */
export function isResponsibleOfficer(caller: Caller, record: HeldRecord): boolean {
  return (
    caller.tenant === record.tenant &&
    caller.personId === record.officerPersonId &&
    caller.agencyId === record.holdingAgencyId
  );
}

export function isHolder(caller: Caller, record: HeldRecord): boolean {
  return isResponsibleOfficer(caller, record) || isHoldingAgencyManager(caller, record);
}

export function isHoldingAgencyManager(caller: Caller, record: HeldRecord): boolean {
  return (
    caller.tenant === record.tenant && caller.agencyId === record.holdingAgencyId && caller.roles.includes('manager')
  );
}

export function relationshipTo(
  caller: Caller,
  record: HeldRecord,
  involvement: FamilyInvolvement,
): RecordRelationship | undefined {
  if (caller.tenant !== record.tenant || !worksWithFamilies(caller)) return undefined;
  if (isHolder(caller, record)) return 'holder';
  if (involvement.leads.some((l) => l.personId === caller.personId && l.agencyId === caller.agencyId)) {
    return 'lead-professional';
  }
  if (involvement.memberAgencyIds.includes(caller.agencyId)) return 'plan-member';
  return undefined;
}
