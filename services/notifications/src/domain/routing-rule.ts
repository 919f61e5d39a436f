/**
 * Routing rules are data (DOMAIN.md, Notifications): which event reaches whom, and what each recipient may see of
 * it. The defaults are in `default-routing-rules.ts`; a deployment may replace them with a JSON file
 * (NOTIFICATION_RULES_FILE) of the same shape. Nothing here imports a framework, so the rules test on their own.
 */

/** A condition on the event's `data`: the value at `field` equals `equals`. */
export interface FieldCondition {
  field: string;
  equals: string | number | boolean;
}

/** Which agencies an audience is. */
export type AgencySelector =
  /** The agency id (or ids, through `[]`) at a path in the event's data, e.g. `receivingAgencyId`, `members[].agencyId`. */
  | { field: string }
  /** Every agency of the tenant of this kind, e.g. `childrens-social-care`. */
  | { kind: string }
  /** The agency this service remembered for the event's aggregate (see {@link RoutingRule.remember}). */
  | { remembered: string };

/** Which people of an audience hear about the event in person (inbox, e-mail). */
export type PeopleSelector =
  /** People of the audience's agencies holding at least one of these roles (from the tenant's people). */
  | { roles: string[] }
  /** The person id (or ids, through `[]`) at a path in the event's data: event-carried state. */
  | { field: string }
  /**
   * People described in the event's data (event-carried state): at each object found at `at` (e.g.
   * `plan.members[]`, `lead`, `responsibleOfficer`), the person id is field `person` and their agency field `agency`.
   */
  | { at: string; person: string; agency: string }
  /** The person this service remembered for the event's aggregate. */
  | { remembered: string };

/** One relationship to the family that entitles a set of recipients to a view of the event. */
export interface Audience {
  /** The relationship, e.g. `receiving-agency`, `referrer`, `manager`; shown to the recipient and used in logs. */
  relationship: string;
  agencies: AgencySelector;
  /** Absent: only the agencies hear (their webhooks, subjects and shared mailbox), no person. */
  people?: PeopleSelector;
  /** Also tell the agency itself (webhooks, NATS subjects, shared mailbox); default true. */
  agencyChannels?: boolean;
  /**
   * What of the event's data this audience may see (minimisation): paths such as `referralId`, `decidedBy.name`,
   * `children[].givenName` (every element) or `actions[ownerAgencyId=$agency]` (only the elements whose field is
   * the recipient's own agency). Anything not listed is left out.
   */
  fields: string[];
  /** The audience hears only when every condition holds, e.g. social care only on `outcome` `step-up-social-care`. */
  only?: FieldCondition[];
}

export interface RoutingRule {
  /** The event type, e.g. `baton.referral.received.v1`. */
  eventType: string;
  /** Urgent when any condition holds (or `true`: always). Urgent notifications are never held for a digest. */
  urgentWhen?: FieldCondition[] | true;
  /**
   * Remember the event's actor (person and agency) under this name for the aggregate, so later events about it can
   * reach them: the referrer of a referral is told its outcome, though the decision event names only the triager.
   */
  remember?: string;
  audiences: Audience[];
}

/** The part of a tenant's reference data routing needs. */
export interface TenantPeople {
  agencyExists(agencyId: string): boolean;
  agenciesOfKind(kind: string): string[];
  peopleWithRoles(agencyId: string, roles: readonly string[]): string[];
  agencyOfPerson(personId: string): string | undefined;
}

/** Who this service remembered for the event's aggregate, by name (e.g. `referrer`). */
export type RememberedParties = ReadonlyMap<string, { personId: string; agencyId?: string }>;
