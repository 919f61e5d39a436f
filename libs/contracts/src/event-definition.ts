/** One event type of the catalogue: its name, version and the class its `data` must satisfy. */
export interface EventDefinition<T extends object = object> {
  /** `baton.<aggregate>.<name>.v<version>`, built by {@link defineEvent}. */
  type: string;
  /** What the event is about, e.g. `referral`. */
  aggregate: string;
  /** What happened, kebab-case and past tense, e.g. `decision-overdue`. */
  name: string;
  version: number;
  payload: new () => T;
  /** One line, shown in the AsyncAPI document. */
  summary: string;
  /** Every event of this type needs attention at once. */
  urgent?: boolean;
}

/** Builds a definition whose `type` always agrees with its aggregate, name and version. */
export function defineEvent<T extends object>(d: Omit<EventDefinition<T>, 'type'>): EventDefinition<T> {
  return { type: `baton.${d.aggregate}.${d.name}.v${d.version}`, ...d };
}
