/** What identifies a child across referrals: an NHS number, or given name + family name + date of birth. */
export interface ChildIdentity {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  nhsNumber?: string;
}

export function nameKey(child: ChildIdentity): string | undefined {
  if (!child.dateOfBirth) return undefined;
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase();
  return `${clean(child.givenName)}|${clean(child.familyName)}|${child.dateOfBirth}`;
}
