import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

export interface PeriodicJobSchedule {
  /** What the job does, for the log when a run fails, e.g. `decision deadline scan`. */
  name: string;
  intervalMs: number;
  /** Also run as soon as the application has started, not only after the first interval. */
  runAtStart: boolean;
}

/**
 * The timing of a job that runs every interval while the service is up; the job itself only says what one run
 * does (`run`). A tick that finds the previous run still going joins it instead of starting another; a failed
 * run is logged and the next tick tries again; shutdown stops the timer, then waits for a run in progress, before
 * the database closes. Running once across replicas is the job's own concern: claim rows with SKIP LOCKED and
 * write the "done" mark in the same transaction as the effect.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  protected constructor(private readonly schedule: PeriodicJobSchedule) {}

  /** One run of the job; returns how many things it did (events emitted, items sent). */
  protected abstract run(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.schedule.intervalMs);
    if (this.schedule.runAtStart) void this.runOnce();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs the job now, or joins the run already going; a failure is logged and counts as nothing done. */
  runOnce(): Promise<number> {
    this.running ??= this.run()
      .catch((error: Error) => {
        this.logger.error(`${this.schedule.name} failed: ${error.message}`, error.stack);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
