/**
 * What identifies a child across services: an NHS number, or given name + family name + date of birth.
 * Referrals links a second referral by it; taf finds the open plan a new concern belongs to by it.
 */
export interface ChildIdentity {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  nhsNumber?: string;
}

/** Name and date of birth, accents and case folded; undefined for an unborn child (no date of birth yet). */
export function childNameKey(child: ChildIdentity): string | undefined {
  if (!child.dateOfBirth) return undefined;
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase();
  return `${clean(child.givenName)}|${clean(child.familyName)}|${child.dateOfBirth}`;
}
