import type { Caller } from '@baton/auth';

/**
 * How a caller stands to an order or contract, strongest first:
 * - `holder`: the responsible officer, or a manager of the holding agency — everything;
 * - `lead-professional`: the family's TAF lead — status and requirements, not offence detail;
 * - `plan-member`: an agency on the family's TAF plan — status only.
 * Anyone else (another agency, another local authority) gets 404, never 403.
 */
export type RecordRelationship = 'holder' | 'lead-professional' | 'plan-member';

export interface HeldRecord {
  tenant: string;
  holdingAgencyId: string;
  officerPersonId: string;
}

/** The family's open TAF plans, as this service's copy of the taf service's events has them. */
export interface FamilyInvolvement {
  leadPersonIds: readonly string[];
  memberAgencyIds: readonly string[];
}

export function isHolder(caller: Caller, record: HeldRecord): boolean {
  if (caller.tenant !== record.tenant) return false;
  if (caller.personId === record.officerPersonId) return true;
  return caller.agencyId === record.holdingAgencyId && caller.roles.includes('manager');
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
  if (caller.tenant !== record.tenant) return undefined;
  if (isHolder(caller, record)) return 'holder';
  if (involvement.leadPersonIds.includes(caller.personId)) return 'lead-professional';
  if (involvement.memberAgencyIds.includes(caller.agencyId)) return 'plan-member';
  return undefined;
}
