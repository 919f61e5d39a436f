import { project, valuesAt } from './field-projection.js';
import type {
  AgencySelector,
  Audience,
  FieldCondition,
  PeopleSelector,
  RememberedParties,
  RoutingRule,
  TenantPeople,
} from './routing-rule.js';

/** The event as routing sees it: its type, data and the envelope attributes rules may use. */
export interface RoutableEvent {
  type: string;
  data: object;
}

/** One recipient of one event, with the view of the data its relationships entitle it to. */
export interface Recipient {
  kind: 'agency' | 'person';
  /** The agency id, or the person id. */
  id: string;
  /** The agency the recipient belongs to (for a person, their own). */
  agencyId: string;
  relationships: string[];
  urgent: boolean;
  /** The minimised `data`: only the fields the recipient's relationships name. */
  view: Record<string, unknown>;
}

/**
 * Decides who hears about an event and what each may see. A recipient reached through two relationships sees what
 * either entitles it to, and no more; a rule naming an agency or person the tenant does not know reaches nobody.
 */
export function routeEvent(
  event: RoutableEvent,
  rules: readonly RoutingRule[],
  people: TenantPeople,
  remembered: RememberedParties,
): Recipient[] {
  const found = new Map<string, { kind: Recipient['kind']; id: string; agencyId: string; audiences: Audience[] }>();
  const add = (kind: Recipient['kind'], id: string, agencyId: string, audience: Audience): void => {
    const key = `${kind}:${id}`;
    const entry = found.get(key) ?? { kind, id, agencyId, audiences: [] };
    entry.audiences.push(audience);
    found.set(key, entry);
  };
  let urgent = false;
  for (const rule of rules.filter((r) => r.eventType === event.type)) {
    urgent ||= isUrgent(rule, event.data);
    for (const audience of rule.audiences) {
      if (!(audience.only ?? []).every((c) => holds(c, event.data))) continue;
      const agencies = selectAgencies(audience.agencies, event.data, people, remembered);
      if (audience.agencyChannels !== false)
        agencies.forEach((agencyId) => add('agency', agencyId, agencyId, audience));
      for (const person of selectPeople(audience.people, agencies, event.data, people, remembered)) {
        add('person', person.personId, person.agencyId, audience);
      }
    }
  }
  return [...found.values()].map((r) => ({
    kind: r.kind,
    id: r.id,
    agencyId: r.agencyId,
    relationships: [...new Set(r.audiences.map((a) => a.relationship))],
    urgent,
    view: project(
      event.data,
      r.audiences.flatMap((a) => a.fields),
      { agency: r.agencyId },
    ),
  }));
}

function isUrgent(rule: RoutingRule, data: object): boolean {
  if (rule.urgentWhen === true) return true;
  return (rule.urgentWhen ?? []).some((c) => holds(c, data));
}

function holds(condition: FieldCondition, data: object): boolean {
  return valuesAt(data, condition.field).some((v) => v === condition.equals);
}

function selectAgencies(
  selector: AgencySelector,
  data: object,
  people: TenantPeople,
  remembered: RememberedParties,
): string[] {
  let ids: unknown[];
  if ('kind' in selector) ids = people.agenciesOfKind(selector.kind);
  else if ('remembered' in selector) ids = [remembered.get(selector.remembered)?.agencyId];
  else ids = valuesAt(data, selector.field);
  const known = ids.filter((id): id is string => typeof id === 'string' && people.agencyExists(id));
  return [...new Set(known)];
}

function selectPeople(
  selector: PeopleSelector | undefined,
  agencies: string[],
  data: object,
  people: TenantPeople,
  remembered: RememberedParties,
): { personId: string; agencyId: string }[] {
  if (selector === undefined) return [];
  if ('roles' in selector) {
    return agencies.flatMap((agencyId) =>
      people.peopleWithRoles(agencyId, selector.roles).map((personId) => ({ personId, agencyId })),
    );
  }
  if ('remembered' in selector) {
    const party = remembered.get(selector.remembered);
    const agencyId = party && (party.agencyId ?? people.agencyOfPerson(party.personId));
    return party && agencyId ? [{ personId: party.personId, agencyId }] : [];
  }
  if ('at' in selector) {
    return valuesAt(data, selector.at).flatMap((found) => {
      if (typeof found !== 'object' || found === null) return [];
      const record = found as Record<string, unknown>;
      const personId = record[selector.person];
      const agencyId = record[selector.agency];
      return typeof personId === 'string' && typeof agencyId === 'string' && people.agencyExists(agencyId)
        ? [{ personId, agencyId }]
        : [];
    });
  }
  return valuesAt(data, selector.field)
    .filter((id): id is string => typeof id === 'string')
    .flatMap((personId) => {
      const agencyId = people.agencyOfPerson(personId);
      return agencyId ? [{ personId, agencyId }] : [];
    });
}
