import type { Caller } from '@baton/auth';

/** What a grant is at a moment: live until it expires or is ended. */
export type GrantStatus = 'active' | 'expired' | 'ended';

export interface GrantTimes {
  expiresAt: Date;
  endedAt: Date | null;
}

export interface DurationLimits {
  defaultMinutes: number;
  maxMinutes: number;
}

export type DurationViolation = { field: 'durationMinutes'; rule: 'max'; message: string };

/**
 * When a grant asked for now expires: after the minutes asked for, or the configured default; never later
 * than the configured maximum (local practice, e.g. 4 hours), which is refused rather than cut short so the
 * person knows how long they have.
 */
export function grantExpiry(
  now: Date,
  asked: number | undefined,
  limits: DurationLimits,
): { expiresAt: Date } | DurationViolation {
  const minutes = asked ?? Math.min(limits.defaultMinutes, limits.maxMinutes);
  if (minutes > limits.maxMinutes) {
    return {
      field: 'durationMinutes',
      rule: 'max',
      message: `durationMinutes must not be more than ${limits.maxMinutes}`,
    };
  }
  return { expiresAt: new Date(now.getTime() + minutes * 60_000) };
}

export function grantStatus(grant: GrantTimes, now: Date): GrantStatus {
  if (grant.endedAt !== null && grant.endedAt <= now) return 'ended';
  return now < grant.expiresAt ? 'active' : 'expired';
}

export interface Grantee {
  tenant: string;
  personId: string;
  agencyId: string;
}

/** The grantee (person AND agency) and the authority's auditors see a grant; the grantee's agency's managers too. */
export function maySeeGrant(caller: Caller, grant: Grantee): boolean {
  if (caller.tenant !== grant.tenant) return false;
  if (caller.roles.includes('auditor')) return true;
  if (caller.agencyId !== grant.agencyId) return false;
  return caller.personId === grant.personId || caller.roles.includes('manager');
}

/** The grantee ends their own grant when done; an auditor may end anyone's. */
export function mayEndGrant(caller: Caller, grant: Grantee): boolean {
  if (caller.tenant !== grant.tenant) return false;
  return caller.roles.includes('auditor') || (caller.personId === grant.personId && caller.agencyId === grant.agencyId);
}
