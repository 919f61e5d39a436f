/** The NATS server for `npm start` when NATS_URL is not given: nats-server from the PATH, with JetStream. */
import { accessSync, constants, openSync, closeSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ManagedProcess, describeExit } from './processes.js';
import { tail } from './output.js';
import { portAnswers, waitUntil } from './wait.js';

// Debian installs nats-server in /usr/sbin, which is not on a normal user's PATH.
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin'];
const READY_TIMEOUT_MS = 30_000;

export const HOW_TO_GET_NATS = [
  'npm start needs nats-server (NATS with JetStream), and none was found on the PATH',
  `or in ${EXTRA_DIRS.join(', ')}. Get one with any of:`,
  '  apt-get install nats-server          (Debian, Ubuntu)',
  '  brew install nats-server             (macOS)',
  '  docker compose up -d nats            then: NATS_URL=nats://127.0.0.1:4222 npm start',
  'or point BATON_NATS_SERVER at the binary, or NATS_URL at a running server.',
].join('\n');

/** The nats-server binary: BATON_NATS_SERVER if set, else the first one on the PATH or in EXTRA_DIRS. */
export function findNatsServer(env = process.env) {
  if (env.BATON_NATS_SERVER) return env.BATON_NATS_SERVER;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder; try the next.
    }
  }
  return undefined;
}

/** @returns {Promise<{ url: string, stop(): Promise<void> }>} */
export async function startNats({ binary, port, storeDir, logFile }) {
  if (await portAnswers(port)) {
    throw new Error(
      `Port ${port} is already taken, perhaps by a nats-server left from an earlier npm start. ` +
        'Stop it, or choose another port with BATON_NATS_PORT.',
    );
  }
  const logFd = openSync(logFile, 'a');
  const server = new ManagedProcess('nats', binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
    logFd,
  });
  closeSync(logFd);
  await waitUntil(() => portAnswers(port), {
    timeoutMs: READY_TIMEOUT_MS,
    abandonIf: () => !server.alive,
    failure: async () => {
      const what = server.alive
        ? `did not accept connections within ${READY_TIMEOUT_MS / 1000} s`
        : describeExit(await server.exited);
      await server.stop('SIGKILL', 1_000);
      return `nats-server (${binary}) ${what}.\n${tail(logFile)}`;
    },
  });
  return { url: `nats://127.0.0.1:${port}`, stop: async () => void (await server.stop('SIGTERM', 10_000)) };
}
