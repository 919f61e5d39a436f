/**
 * Child processes started by `npm start`. Each runs in its own process group (detached), so the
 * terminal's Ctrl-C reaches only start.js, which then stops them in order: services first, while
 * the database and broker they are talking to are still up.
 */
import { spawn } from 'node:child_process';
import { relayLines, say, warn } from './output.js';

const running = new Set();

export class ManagedProcess {
  /**
   * @param {string} name prefix for its output and messages
   * @param {string} command
   * @param {string[]} args
   * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, uid?: number, gid?: number, logFd?: number }} options
   *   logFd sends stdout and stderr to that file instead of the console.
   */
  constructor(name, command, args, options = {}) {
    this.name = name;
    this.stopping = false;
    const output = options.logFd === undefined ? 'pipe' : options.logFd;
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      detached: true,
      stdio: ['ignore', output, output],
    });
    running.add(this);
    if (options.logFd === undefined) {
      relayLines(name, this.child.stdout, say);
      relayLines(name, this.child.stderr, warn);
    }
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        running.delete(this);
        resolve({ code: null, signal: null, error });
      });
      this.child.once('exit', (code, signal) => {
        running.delete(this);
        resolve({ code, signal, error: undefined });
      });
    });
  }

  get alive() {
    return running.has(this);
  }

  /** Sends signal, then SIGKILL to the whole group if it has not exited within graceMs. */
  async stop(signal = 'SIGTERM', graceMs = 10_000) {
    this.stopping = true;
    if (!this.alive) return this.exited;
    this.child.kill(signal);
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      warn(this.name, `did not stop within ${graceMs / 1000} s; killing it`);
      killGroup(this.child.pid);
    }
    return this.exited;
  }
}

/** Describes how a process ended, for messages. */
export function describeExit({ code, signal, error }) {
  if (error) return `could not be started: ${error.message}`;
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone: nothing left to kill.
  }
}

/** Stops whatever is still running (something caught half-started by a shutdown). */
export async function stopRemaining(graceMs = 10_000) {
  await Promise.all([...running].map((managed) => managed.stop('SIGTERM', graceMs)));
}

/** Last resort when start.js itself is going down without a clean stop: leave no orphans. */
export function killAllNow() {
  for (const managed of running) killGroup(managed.child.pid);
}
