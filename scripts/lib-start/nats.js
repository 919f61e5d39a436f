/**
 * The NATS server for `npm start` when NATS_URL is not given: nats-server from the PATH, with JetStream, run from a
 * config file of its own (.baton/nats-server.conf). The server's version is read first: `sync_interval: always`
 * (fsync every write before acknowledging it) is set whenever the server accepts it, and a server older than the
 * version the README names is reported with what that means for the events it holds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, openSync, closeSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ManagedProcess, describeExit } from './processes.js';
import { tail } from './output.js';
import { portAnswers, waitUntil } from './wait.js';

// Debian installs nats-server in /usr/sbin, which is not on a normal user's PATH.
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/opt/homebrew/bin'];
const READY_TIMEOUT_MS = 30_000;

/** The oldest nats-server release Baton runs on (README, "Broker and database in production"); compose and Kubernetes pin 2.14.2. */
export const RECOMMENDED_NATS_VERSION = '2.12.3';

const HOW_TO_GET_A_CURRENT_ONE = [
  '  docker compose up -d nats            (nats:2.14.2, sync_interval: always) then: NATS_URL=nats://127.0.0.1:4222 npm start',
  '  brew install nats-server             (macOS; Homebrew carries the current release)',
  "  the NATS project's release archive for your platform (nats.io, Download), then BATON_NATS_SERVER=<path> npm start",
];

export const HOW_TO_GET_NATS = [
  'npm start needs nats-server (NATS with JetStream), and none was found on the PATH',
  `or in ${EXTRA_DIRS.join(', ')}. Get one with any of:`,
  '  apt-get install nats-server          (Debian, Ubuntu; their release may be older than ' +
    `${RECOMMENDED_NATS_VERSION})`,
  ...HOW_TO_GET_A_CURRENT_ONE,
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

/** `[major, minor, patch]` from `nats-server --version` output ("nats-server: v2.9.10"), or undefined. */
export function parseNatsVersion(text) {
  const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The version the binary reports; throws naming the binary when it cannot be run. */
export function natsServerVersion(binary) {
  let output;
  try {
    output = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  } catch (error) {
    throw new Error(`${binary} --version failed (${error.code ?? error.message}); is it a nats-server?`, {
      cause: error,
    });
  }
  const version = parseNatsVersion(output);
  if (!version) throw new Error(`${binary} --version printed no version: ${output.trim()}`);
  return version;
}

/**
 * What a server of this version, with or without `sync_interval: always`, means for the events it acknowledges:
 * `undefined` when nothing needs saying, else the lines to show. Pure, so its wording is tested.
 * @param {number[]} version
 * @param {boolean} syncAlways whether the server runs with sync_interval: always
 */
export function durabilityWarning(version, syncAlways) {
  if (compareVersions(version, parseNatsVersion(RECOMMENDED_NATS_VERSION)) >= 0 && syncAlways) return undefined;
  const lines = [
    `nats-server ${version.join('.')} is older than ${RECOMMENDED_NATS_VERSION}, the release Baton needs for the durability it promises.`,
  ];
  if (!syncAlways) {
    lines.push(
      'It cannot fsync each event before acknowledging it (it does not know sync_interval: always): it writes',
      'events to disk every 2 minutes. If this machine crashes or loses power, events acknowledged in the last',
      'two minutes are lost, and the services will not send them again (their outboxes count them as published).',
      'Stopping npm start, or a service or nats-server crashing on its own, loses nothing.',
    );
  } else {
    lines.push('It runs with sync_interval: always (every event on disk before it is acknowledged), but lacks fixes');
    lines.push(`to JetStream's recovery and clustering made up to ${RECOMMENDED_NATS_VERSION}.`);
  }
  if (compareVersions(version, [2, 10, 23]) < 0) {
    lines.push('Releases before 2.10.23 can also lose a whole stream when the server is killed repeatedly.');
  }
  lines.push(
    'Fine for trying Baton; not for events you cannot afford to lose. A current nats-server:',
    ...HOW_TO_GET_A_CURRENT_ONE,
  );
  return lines.join('\n');
}

function configText({ port, storeDir, syncAlways }) {
  return [
    '# Written by npm start (scripts/lib-start/nats.js) at every start; edits are overwritten.',
    'server_name: baton-npm-start',
    'host: 127.0.0.1',
    `port: ${port}`,
    'jetstream {',
    `  store_dir: ${JSON.stringify(storeDir)}`,
    ...(syncAlways
      ? [
          '  # fsync every write before acknowledging it (the default flushes every 2 minutes).',
          '  sync_interval: always',
        ]
      : []),
    '}',
    '',
  ].join('\n');
}

/** Whether the binary accepts the config file (`nats-server -t` checks it without starting). */
function configAccepted(binary, configFile) {
  return spawnSync(binary, ['-c', configFile, '-t'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/**
 * Writes the config file (with sync_interval: always when the binary accepts it) and starts the server.
 * @returns {Promise<{ url: string, version: number[], syncAlways: boolean, stop(): Promise<void> }>}
 */
export async function startNats({ binary, port, storeDir, configFile, logFile }) {
  if (await portAnswers(port)) {
    throw new Error(
      `Port ${port} is already taken, perhaps by a nats-server left from an earlier npm start. ` +
        'Stop it, or choose another port with BATON_NATS_PORT.',
    );
  }
  const version = natsServerVersion(binary);
  writeFileSync(configFile, configText({ port, storeDir, syncAlways: true }));
  const syncAlways = configAccepted(binary, configFile);
  if (!syncAlways) writeFileSync(configFile, configText({ port, storeDir, syncAlways: false }));

  const logFd = openSync(logFile, 'a');
  const server = new ManagedProcess('nats', binary, ['-c', configFile], { logFd });
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
  return {
    url: `nats://127.0.0.1:${port}`,
    version,
    syncAlways,
    stop: async () => void (await server.stop('SIGTERM', 10_000)),
  };
}
