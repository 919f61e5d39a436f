import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { CloudEvent } from '@baton/contracts';
import { DataSource } from 'typeorm';
import { Outbox, type PreparedEvent } from './outbox.js';

/** Rows a shared statement carries at most; more wait for the next one. */
const MAX_ROWS_PER_WRITE = 500;

interface Waiting {
  row: PreparedEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes events that go with no state change (a record of access, say) to the outbox, each committed before its
 * promise resolves. At rest an event is written at once, in a statement of its own. While one statement is
 * committing, the events that arrive wait and go together in the next: under load, many requests share one INSERT,
 * one commit and one notification to the relay instead of paying for one each (group commit).
 */
@Injectable()
export class LoneEvents implements BeforeApplicationShutdown {
  private waiting: Waiting[] = [];
  private writing?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Resolves once the event is in the outbox. Rejects alone if the event breaks its contract (it never joins the
   * others), and with the rest of its statement if the database refuses the write.
   */
  write(event: CloudEvent): Promise<void> {
    let row: PreparedEvent;
    try {
      row = this.outbox.prepare(event);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.writing ??= this.writeWhileWaiting();
    });
  }

  /** Lets the statement in flight commit before the database connection goes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.writing;
  }

  private async writeWhileWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_ROWS_PER_WRITE);
      try {
        await this.outbox.appendAlone(
          this.dataSource.manager,
          batch.map((w) => w.row),
        );
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = undefined;
  }
}
