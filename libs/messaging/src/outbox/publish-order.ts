/** A claimed outbox row, as far as ordering cares. */
export interface ClaimedRow {
  seq: string;
  aggregateId: string;
}

/**
 * Which claimed rows may be published now. A row waits while an earlier unpublished row of the same aggregate
 * lies outside the claimed set (another relay holds it, or it waits out a retry delay): publishing it first would
 * put the aggregate's events out of order. `earliestOutside` maps an aggregate to the seq of its earliest
 * unpublished row not claimed here.
 */
export function releasableRows<R extends ClaimedRow>(claimed: R[], earliestOutside: Map<string, string>): R[] {
  return claimed.filter((row) => {
    const blocker = earliestOutside.get(row.aggregateId);
    return blocker === undefined || BigInt(blocker) > BigInt(row.seq);
  });
}

/**
 * Splits rows (in seq order) into one chain per aggregate, each in seq order. Chains are published side by side;
 * within a chain each publish waits for the previous ack, so a lost message can never be overtaken by a later
 * event of the same aggregate (a reconnect may flush buffered messages after a lost one).
 */
export function chainsByAggregate<R extends ClaimedRow>(rows: R[]): R[][] {
  const chains = new Map<string, R[]>();
  for (const row of rows) {
    const chain = chains.get(row.aggregateId);
    if (chain) chain.push(row);
    else chains.set(row.aggregateId, [row]);
  }
  return [...chains.values()];
}

/** Delay before a row whose publish failed is retried: doubling from 200 ms, at most 5 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(200 * 2 ** Math.max(0, attempts - 1), 5_000);
}
