import { Injectable } from '@nestjs/common';
import { ProblemException } from '@baton/http-api';
import { DEFAULT_WAIT_MS, type FreshnessQueryDto } from '../family/dto/freshness.query.dto.js';
import { EventPositions } from './event-positions.js';
import { ViewChanges } from './view-changes.js';

/** Seconds a caller told `not-yet-applied` is asked to wait before asking again. */
const RETRY_AFTER_SECONDS = 1;

/** Read-your-writes for a caller who has just changed something: by the events it produced, or by position. */
@Injectable()
export class Freshness {
  constructor(
    private readonly changes: ViewChanges,
    private readonly positions: EventPositions,
  ) {}

  /**
   * Waits until the views have applied the events `after` names and the stream up to `minPosition`, and returns
   * the position applied. When the wait runs out the answer is 503 `not-yet-applied`, with Retry-After: an older
   * view is never passed off as the one asked for.
   */
  async require(query: FreshnessQueryDto): Promise<number> {
    const waitMs = query.waitMs ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + waitMs;
    let target = query.minPosition;
    if (query.after !== undefined && query.after.length > 0) {
      const position = await this.positions.positionOf(query.after, waitMs);
      if (position === undefined) {
        throw notYetApplied(
          `The events ${query.after.join(', ')} have not all reached the event stream yet; try again shortly`,
          { after: query.after },
        );
      }
      target = Math.max(target ?? 0, position);
    }
    if (target === undefined) return this.changes.knownPosition();
    const reached = await this.changes.waitForPosition(target, Math.max(0, deadline - Date.now()));
    const applied = this.changes.knownPosition();
    if (!reached) {
      throw notYetApplied(
        `The views have applied the event stream up to ${applied}, not yet ${target}; try again shortly`,
        { appliedPosition: applied, minPosition: target },
      );
    }
    return applied;
  }
}

function notYetApplied(detail: string, extra: Record<string, unknown>): ProblemException {
  return ProblemException.of(503, 'not-yet-applied', 'The views have not caught up yet', detail, {
    ...extra,
    retryAfter: RETRY_AFTER_SECONDS,
  });
}
