// Tear-down steps run last-in first-out, each bounded in time, so a stuck step cannot hang the benchmark.
import { sleep } from './proc.js';

export class Cleanup {
  constructor(log) {
    this.log = log;
    this.steps = [];
    this.done = undefined;
  }

  add(name, fn) {
    this.steps.push({ name, fn });
  }

  /** Runs every step once, even when called again (e.g. by a signal during tear-down). */
  run(timeoutMs = 15_000) {
    this.done ??= (async () => {
      for (const { name, fn } of this.steps.reverse()) {
        const outcome = await Promise.race([
          Promise.resolve()
            .then(fn)
            .then(
              () => 'ok',
              (e) => `failed: ${e.message}`,
            ),
          sleep(timeoutMs).then(() => `timed out after ${timeoutMs / 1000} s`),
        ]);
        if (outcome !== 'ok') this.log(`cleanup: ${name} ${outcome}`);
      }
    })();
    return this.done;
  }
}
