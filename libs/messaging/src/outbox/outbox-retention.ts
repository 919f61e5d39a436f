import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '@baton/periodic-job';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options.js';

/** Rows one DELETE takes; a run takes at most this many slices and leaves the rest to the next run. */
const ROWS_PER_SLICE = 5_000;
const SLICES_PER_RUN = 100;

/**
 * Deletes outbox rows published longer ago than the retention period, every interval. The stream is where events
 * live; a published row is the service's own copy, kept for replays and for rebuilding read models after the
 * stream has been trimmed. Without a limit it grows for ever: a read-heavy service writes an access record per
 * read. With retention 0 nothing is deleted. Safe in several replicas: a row deleted twice is deleted once.
 */
@Injectable()
export class OutboxRetention extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {
    super({ name: 'outbox retention', intervalMs: options.outbox.purgeIntervalMs, runAtStart: true });
  }

  protected run(): Promise<number> {
    const days = this.options.outbox.retentionDays;
    return days === 0 ? Promise.resolve(0) : this.purgePublishedBefore(days);
  }

  /**
   * Deletes rows published more than `days` days ago (by the database's clock), a slice at a time so that no
   * statement holds many row locks or runs for long; never an unpublished row. Returns how many went.
   */
  async purgePublishedBefore(days: number): Promise<number> {
    let purged = 0;
    for (let slice = 0; slice < SLICES_PER_RUN; slice += 1) {
      const [, deleted] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM outbox WHERE seq IN (
           SELECT seq FROM outbox WHERE published_at < now() - $1 * interval '1 day' ORDER BY published_at LIMIT $2
         )`,
        [days, ROWS_PER_SLICE],
      );
      purged += deleted;
      if (deleted < ROWS_PER_SLICE) break;
    }
    return purged;
  }
}
