/** The pattern that subscribes a handler to every event type (the audit ledger uses it). */
export const ALL_EVENTS = 'baton.>';

/**
 * The pattern that subscribes a handler to every event type of one aggregate, in stream order, through one
 * durable consumer (`<prefix>.*.<aggregate>.*`): for a read model that needs an aggregate's whole life but not
 * the rest of the stream.
 */
export function eventsOfAggregate(aggregate: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(aggregate)) throw new Error(`'${aggregate}' is not an aggregate name`);
  return `baton.${aggregate}.>`;
}

/** The aggregate an {@link eventsOfAggregate} pattern names; undefined for any other pattern. */
export function aggregateOfPattern(pattern: string): string | undefined {
  return /^baton\.([a-z][a-z0-9-]*)\.>$/.exec(pattern)?.[1];
}

/**
 * The durable consumer name for a service's handler of one event type, e.g. `notifications-referral-received-v1`,
 * or `audit-all-events` for {@link ALL_EVENTS}. Only letters, digits, `-` and `_` survive: NATS forbids `.`, `*`,
 * `>` and whitespace in names.
 */
export function durableNameFor(service: string, pattern: string): string {
  const aggregate = aggregateOfPattern(pattern);
  if (aggregate !== undefined) return `${service}-${aggregate}-events`;
  const what = pattern === ALL_EVENTS ? 'all-events' : pattern.replace(/^baton\./, '');
  return `${service}-${what}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+/g, '-');
}

/** Where a consumer's dead letters are copied. A tenant code never starts with `_`, so no event lands here. */
export function deadLetterSubjectFor(prefix: string, service: string, consumer: string): string {
  return `${prefix}._dlq.${service}.${consumer}`;
}

/** `baton.referral.received.v1` → `baton.referral.received`: the same event in any version. */
export function typeWithoutVersion(type: string): string {
  return type.replace(/\.v[0-9]+$/, '');
}

/** Delay before redelivering after the `deliveryCount`-th delivery failed; the last delay repeats. */
export function redeliveryDelayMs(backoffMs: readonly number[], deliveryCount: number): number {
  return backoffMs[Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1];
}
