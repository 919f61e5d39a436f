import type { SignedInPerson } from '../sign-in/session.types.js';

export interface NavigationItem {
  text: string;
  href: string;
  active: boolean;
}

interface Section {
  text: string;
  href: string;
  /** Pages outside the section's own path that are part of its work. */
  alsoWithin?: RegExp;
}

/** The sections a person works in, by what they do: what is theirs to do first (USERS.md: screens follow the work). */
export function primaryNavigation(person: SignedInPerson, path: string, agencyKind?: string): NavigationItem[] {
  const sections: Section[] = [
    ...(person.roles.includes('practitioner') ? [{ text: 'My work', href: '/my-work' }] : []),
    ...(person.roles.includes('triager')
      ? [{ text: 'Triage queue', href: '/triage', alsoWithin: /^\/referrals\/[^/]+\/(decision|plan)(\/|$)/ }]
      : []),
    ...(person.roles.includes('manager') ? [{ text: 'Manager dashboard', href: '/manager' }] : []),
    ...(person.roles.includes('auditor') ? [{ text: 'Audit', href: '/audit' }] : []),
    ...(holdsOrders(person, agencyKind) ? [{ text: 'Parenting orders', href: '/orders' }] : []),
    { text: 'Our families', href: '/families', alsoWithin: /^\/plans\// },
    { text: 'Make a referral', href: '/referrals/new' },
    { text: 'Referrals we sent', href: '/referrals' },
    { text: 'Notifications', href: '/inbox' },
  ];
  const active = activeSection(path.split('?')[0] ?? '/', sections);
  return sections.map(({ text, href }) => ({ text, href, active: href === active?.href }));
}

/** Agencies whose officers may hold parenting orders (the parenting service's holding kinds, council teams included). */
const HOLDING_KINDS = ['youth-offending-team', 'education-welfare', 'anti-social-behaviour-team'];

function holdsOrders(person: SignedInPerson, agencyKind: string | undefined): boolean {
  const works = person.roles.includes('practitioner') || person.roles.includes('manager');
  return works && agencyKind !== undefined && HOLDING_KINDS.includes(agencyKind);
}

/**
 * A section that claims the page as part of its work wins (a triage decision is triage, a plan is a family's);
 * otherwise the longest section path the page is within (/referrals/new is not /referrals).
 */
function activeSection(pathname: string, sections: Section[]): Section | undefined {
  const claimed = sections.find((s) => s.alsoWithin?.test(pathname));
  if (claimed) return claimed;
  const within = sections.filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  return within.sort((a, b) => b.href.length - a.href.length)[0];
}
