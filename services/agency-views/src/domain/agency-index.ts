import type { FamilyDocument } from './family-document.js';
import { involvedAgencies, parentingVisibleTo, type Relationship } from './involvement.js';
import { isOpenAction } from './plan-fold.js';

/** What an agency's list filters, searches and sorts on, for one family it is involved with. */
export interface AgencyIndexEntry {
  agencyId: string;
  relationships: Relationship[];
  /** Sort key: the family name of the eldest child, then given names, lower case. */
  sortName: string;
  /** Every child's and carer's given and family name, lower case, each preceded by a space: prefix search. */
  searchText: string;
  childDatesOfBirth: string[];
  levelOfNeed: number | null;
  nextReviewDue: string | null;
  /** Due dates of this agency's open actions, earliest first: overdue is decided at read time, against today. */
  openActionDue: string[];
  /** Only ever true for an agency entitled to see the order. */
  hasOrder: boolean;
}

/** One entry per involved agency: exactly the agencies that may see the family. */
export function agencyIndexOf(document: FamilyDocument): AgencyIndexEntry[] {
  const names = [...document.children, ...document.carers].flatMap((p) => [p.givenName, p.familyName]);
  const searchText = names.map((n) => ` ${n.trim().toLowerCase()}`).join('');
  const first = document.children[0] ?? document.carers[0];
  const sortName = first ? `${first.familyName} ${first.givenName}`.trim().toLowerCase() : '';
  const childDatesOfBirth = document.children.flatMap((c) => (c.dateOfBirth ? [c.dateOfBirth] : []));
  return [...involvedAgencies(document)].map(([agencyId, relationships]) => ({
    agencyId,
    relationships,
    sortName,
    searchText,
    childDatesOfBirth,
    levelOfNeed: document.levelOfNeed ?? null,
    nextReviewDue: document.plan?.open ? (document.plan.nextReviewDue ?? null) : null,
    openActionDue: (document.plan?.actions ?? [])
      .filter((a) => a.ownerAgencyId === agencyId && isOpenAction(a))
      .map((a) => a.dueDate)
      .sort(),
    hasOrder: document.parenting.some(
      (r) => r.kind === 'order' && r.active && parentingVisibleTo(relationships, r, agencyId),
    ),
  }));
}
