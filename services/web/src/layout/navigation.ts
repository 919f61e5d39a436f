import type { SignedInPerson } from '../sign-in/session.types.js';

export interface NavigationItem {
  text: string;
  href: string;
  active: boolean;
}

/** The sections a person works in, by what they do: what is theirs to do first (USERS.md: screens follow the work). */
export function primaryNavigation(person: SignedInPerson, path: string): NavigationItem[] {
  const items: Omit<NavigationItem, 'active'>[] = [
    ...(person.roles.includes('triager') ? [{ text: 'Triage queue', href: '/triage' }] : []),
    { text: 'Our families', href: '/families' },
    { text: 'Make a referral', href: '/referrals/new' },
    { text: 'Referrals we sent', href: '/referrals' },
    { text: 'Notifications', href: '/inbox' },
  ];
  return items.map((item) => ({ ...item, active: isWithin(path, item.href, items) }));
}

/** The longest section path the current path is within is the active one (/families/search is not /families). */
function isWithin(path: string, href: string, items: Omit<NavigationItem, 'active'>[]): boolean {
  const pathname = path.split('?')[0] ?? '/';
  const matches = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  const best = matches.sort((a, b) => b.href.length - a.href.length)[0];
  return best?.href === href;
}
