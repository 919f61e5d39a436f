/** An event about a family as the read model keeps it: the CloudEvent's fields the fold needs. */
export interface RecordedEvent {
  id: string;
  type: string;
  /** The aggregate's id. */
  subject: string;
  time: string;
  data: object;
}

/**
 * Orders one aggregate's events by their place in its life (`rank`), then time, then id. Every projection sorts
 * this way before folding, so the same events give the same answer whatever order they arrived in.
 */
export function inLifeOrder<E extends RecordedEvent>(events: readonly E[], rank: (e: E) => number): E[] {
  return [...events].sort((a, b) => rank(a) - rank(b) || a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
}

/** Groups events by aggregate id, keeping each group's arrival order. */
export function byAggregate<E extends RecordedEvent>(events: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const event of events) {
    const group = groups.get(event.subject) ?? [];
    group.push(event);
    groups.set(event.subject, group);
  }
  return groups;
}
