import { calendarDateFrom, longDate } from '../layout/dates.js';
import type { AgencyFamilyView, FamilyPerson, FamilyQuery, FamilySummary } from './agency-views.api.js';

export type FamilyFilters = Record<string, string | undefined>;

const LEVELS = [1, 2, 3, 4] as const;

/** The filters and search as the URL carries them (so Back keeps them), and as the read model takes them. */
export function familyQuery(filters: FamilyFilters): { query: FamilyQuery; errors: { field: string; text: string }[] } {
  const errors: { field: string; text: string }[] = [];
  const query: FamilyQuery = {};
  const name = filters.name?.trim();
  if (name) {
    if (name.length < 2) errors.push({ field: 'name', text: 'Enter at least 2 letters of a name' });
    else query.name = name;
  }
  const [day, month, year] = [filters['dob-day'], filters['dob-month'], filters['dob-year']].map(
    (v) => v?.trim() ?? '',
  );
  if (day || month || year) {
    const date = calendarDateFrom(day!, month!, year!);
    if (date) query.childDateOfBirth = date;
    else errors.push({ field: 'dob-day', text: "Child's date of birth must be a real date" });
  }
  if (filters.overdueActions === 'yes') query.overdueActions = true;
  if (filters.reviewDue === 'yes') query.reviewDueWithinDays = 14;
  if (filters.hasOrder === 'yes') query.hasOrder = true;
  const level = LEVELS.find((n) => n === Number(filters.levelOfNeed));
  if (level) query.levelOfNeed = level;
  if (filters.cursor) query.cursor = filters.cursor;
  return { query, errors };
}

export function personLine(p: FamilyPerson): string {
  const born = p.dateOfBirth
    ? `born ${longDate(p.dateOfBirth)}`
    : p.expectedDateOfBirth
      ? `due ${longDate(p.expectedDateOfBirth)}`
      : '';
  return [`${p.givenName} ${p.familyName}`, born].filter(Boolean).join(', ');
}

export function familiesPage(
  items: FamilySummary[],
  filters: FamilyFilters,
  levelLabel: (n: number) => string,
  nextCursor?: string,
) {
  const { cursor: _cursor, ...kept } = filters;
  const params = new URLSearchParams(Object.entries(kept).filter((e): e is [string, string] => Boolean(e[1])));
  return {
    pageTitle: 'Our families',
    filters,
    levels: [
      { value: '', text: 'Any level' },
      ...[1, 2, 3, 4].map((n) => ({
        value: String(n),
        text: levelLabel(n),
        selected: filters.levelOfNeed === String(n),
      })),
    ],
    families: items.map((f) => ({
      href: `/families/${f.familyId}`,
      children: f.children.map(personLine).join('; '),
      lead: f.leadProfessional
        ? `${f.leadProfessional.name}, ${f.leadProfessional.agencyName}`
        : 'No lead professional',
      level: f.levelOfNeed ? levelLabel(f.levelOfNeed) : '',
      overdueActions: f.overdueActions,
      reviewDue: f.nextReviewDue ? longDate(f.nextReviewDue) : '',
      hasOrder: f.hasOrder === true,
    })),
    nextPageHref: nextCursor ? `/families?${new URLSearchParams([...params, ['cursor', nextCursor]])}` : undefined,
  };
}

/** The family as my agency sees it, with who leads and how to reach them at the top. */
export function familyPage(view: AgencyFamilyView, levelLabel: (n: number) => string) {
  const name = view.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ');
  return {
    pageTitle: name,
    lead: view.leadProfessional
      ? {
          name: view.leadProfessional.name,
          role: view.leadProfessional.role,
          agencyName: view.leadProfessional.agencyName,
          email: view.leadProfessional.contact.email,
          phone: view.leadProfessional.contact.phone,
        }
      : undefined,
    planId: view.plan?.planId,
    levelOfNeed: view.levelOfNeed ? levelLabel(view.levelOfNeed) : undefined,
    children: view.children.map(personLine),
    carers: view.carers.map((c) => `${c.givenName} ${c.familyName}${c.relationship ? ` (${c.relationship})` : ''}`),
    plan: view.plan
      ? {
          status: view.plan.status,
          nextReview: view.plan.nextReviewDue ? longDate(view.plan.nextReviewDue) : undefined,
          reviewOverdue: view.plan.reviewOverdue,
          members: view.plan.members,
          outcomes: view.plan.outcomes,
          proposedLead: view.plan.proposedLead,
        }
      : undefined,
    myActions: view.actions.open.map((a) => ({
      description: a.description,
      due: longDate(a.dueDate),
      overdue: view.actions.overdue.some((o) => o.actionId === a.actionId),
    })),
  };
}
