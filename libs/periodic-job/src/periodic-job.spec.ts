import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job.js';

/** A job whose runs the test finishes by hand. */
class ControlledJob extends PeriodicJob {
  runs = 0;
  private finish: ((done: number) => void)[] = [];
  private fail: ((error: Error) => void)[] = [];

  constructor(intervalMs: number, runAtStart: boolean) {
    super({ name: 'controlled run', intervalMs, runAtStart });
  }

  protected run(): Promise<number> {
    this.runs += 1;
    return new Promise((resolve, reject) => {
      this.finish.push(resolve);
      this.fail.push(reject);
    });
  }

  completeRun(done: number): void {
    this.finish.shift()?.(done);
    this.fail.shift();
  }

  failRun(error: Error): void {
    this.finish.shift();
    this.fail.shift()?.(error);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicJob', () => {
  let errors: string[];

  beforeEach(() => {
    errors = [];
    Logger.overrideLogger({ log() {}, warn() {}, error: (message: string) => errors.push(message) });
  });

  it('runs at start-up when asked, and otherwise waits for the first interval', async () => {
    const eager = new ControlledJob(3_600_000, true);
    const patient = new ControlledJob(3_600_000, false);
    eager.onApplicationBootstrap();
    patient.onApplicationBootstrap();
    expect(eager.runs).toBe(1);
    expect(patient.runs).toBe(0);
    eager.completeRun(0);
    await eager.beforeApplicationShutdown();
    await patient.beforeApplicationShutdown();
  });

  it('never starts a second run while one is going: a second caller joins the first', async () => {
    const job = new ControlledJob(3_600_000, false);
    const first = job.runOnce();
    const second = job.runOnce();
    job.completeRun(3);
    expect(await Promise.all([first, second])).toEqual([3, 3]);
    expect(job.runs).toBe(1);
    const third = job.runOnce();
    job.completeRun(1);
    expect(await third).toBe(1);
    expect(job.runs).toBe(2);
  });

  it('logs a failed run by name and runs again next time', async () => {
    const job = new ControlledJob(3_600_000, false);
    const failed = job.runOnce();
    job.failRun(new Error('database went away'));
    expect(await failed).toBe(0);
    expect(errors).toEqual(['controlled run failed: database went away']);
    const next = job.runOnce();
    job.completeRun(2);
    expect(await next).toBe(2);
  });

  it('runs every interval, and after shutdown (which waits for the run in progress) not again', async () => {
    const job = new ControlledJob(10, false);
    job.onApplicationBootstrap();
    await pause(35);
    expect(job.runs).toBe(1);
    let stopped = false;
    const shutdown = job.beforeApplicationShutdown().then(() => (stopped = true));
    await pause(5);
    expect(stopped).toBe(false);
    job.completeRun(0);
    await shutdown;
    await pause(30);
    expect(job.runs).toBe(1);
  });
});
