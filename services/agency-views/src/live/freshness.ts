import { Injectable } from '@nestjs/common';
import { ProblemException } from '@baton/http-api';
import { DEFAULT_WAIT_MS, type FreshnessQueryDto } from '../family/dto/freshness.query.dto.js';
import { ViewChanges } from './view-changes.js';

/** Read-your-writes for a caller who has just changed something and knows the position that change reached. */
@Injectable()
export class Freshness {
  constructor(private readonly changes: ViewChanges) {}

  /**
   * Waits until the views have applied `minPosition` and returns the position applied. When the wait runs out the
   * answer is 503, naming the position reached: an older view is never passed off as the one asked for.
   */
  async require(query: FreshnessQueryDto): Promise<number> {
    if (query.minPosition === undefined) return this.changes.knownPosition();
    const reached = await this.changes.waitForPosition(query.minPosition, query.waitMs ?? DEFAULT_WAIT_MS);
    const applied = this.changes.knownPosition();
    if (!reached) {
      throw ProblemException.of(
        503,
        'position-not-applied',
        'The views have not caught up yet',
        `The views have applied the event stream up to ${applied}, not yet ${query.minPosition}; try again shortly`,
        { appliedPosition: applied, minPosition: query.minPosition },
      );
    }
    return applied;
  }
}
