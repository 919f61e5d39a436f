// The referrals service under test, its token issuer, its throw-away database and stream: started for one
// run and always removed afterwards, on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { sleep } from './proc.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SERVICE_ENTRY = `${REPO_ROOT}services/referrals/dist/main.js`;
const TEST_ISSUER_ENTRY = `${REPO_ROOT}libs/testing/dist/index.js`;

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A token for an invented practitioner at a demo school, signed by an ephemeral dev issuer. */
export async function startIssuer() {
  if (!existsSync(TEST_ISSUER_ENTRY)) throw new Error(`${TEST_ISSUER_ENTRY} is missing: run \`npm run build\` first`);
  const { TestIssuer } = await import(pathToFileURL(TEST_ISSUER_ENTRY).href);
  const issuer = await TestIssuer.ephemeral({ audience: 'baton' });
  const server = await issuer.listen(0);
  const token = await issuer.sign(
    {
      sub: 'school-dsl',
      name: 'Sam Teacher',
      agency_id: 'demo-oakfield-primary',
      roles: ['practitioner'],
      tenant: 'demo',
    },
    { expiresIn: '1h' },
  );
  return {
    issuer: issuer.issuer,
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    token,
    /** A token for any other claims (another benchmark's caller). */
    sign: (claims) => issuer.sign(claims, { expiresIn: '1h' }),
    close: () => server.close(),
  };
}

/** Names unique to this run, so concurrent runs and other users of the same Postgres and NATS never collide. */
export function runNames() {
  const id = randomBytes(4).toString('hex');
  return {
    database: `bench_referrals_${id}`,
    stream: `BENCH_${id.toUpperCase()}`,
    prefix: `bench${id}`,
    durable: `bench-intake-${id}`,
  };
}

export class ReferralsService {
  /** `env`: the service's own variables (another service's address, say), on top of the bench's. */
  constructor({ names, pgUrl, natsUrl, issuer, logFile, entry, readyPath, env = {} }) {
    Object.assign(this, { names, pgUrl, natsUrl, issuer, logFile, entry: entry || SERVICE_ENTRY, readyPath, env });
    this.tail = [];
  }

  get databaseUrl() {
    return `${this.pgUrl}/${this.names.database}`;
  }

  async start(timeoutMs = 90_000) {
    if (!existsSync(this.entry)) throw new Error(`${this.entry} is missing: run \`npm run build\` first`);
    this.port ??= await freePort();
    const env = {
      // A bench measures the service, not its request limits (README: Configuration); a run may set its own.
      RATE_LIMIT_PER_CALLER: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      ...process.env,
      ...this.env,
      DATABASE_URL: this.databaseUrl,
      NATS_URL: this.natsUrl,
      NATS_STREAM: this.names.stream,
      NATS_SUBJECT_PREFIX: this.names.prefix,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      AUTH_ISSUER: this.issuer.issuer,
      AUTH_AUDIENCE: 'baton',
      AUTH_JWKS_URL: this.issuer.jwksUrl,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
    };
    const log = createWriteStream(this.logFile);
    this.child = spawn(process.execPath, [this.entry], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      log.write(chunk);
      this.tail.push(...String(chunk).split('\n').filter(Boolean));
      this.tail.splice(0, Math.max(0, this.tail.length - 30));
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    await this.waitUntilReady(timeoutMs);
  }

  get pid() {
    return this.child?.pid;
  }

  async waitUntilReady(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let early;
    let last = 'no answer';
    this.exited.then((e) => (early = e));
    while (Date.now() < deadline) {
      if (early) throw new Error(`service exited during start-up (${JSON.stringify(early)}):\n${this.tail.join('\n')}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}${this.readyPath}`, {
          signal: AbortSignal.timeout(2000),
        });
        if (res.status === 200) return;
        last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(
      `service not ready within ${timeoutMs / 1000} s (${this.readyPath}: ${last}):\n${this.tail.join('\n')}`,
    );
  }

  /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
  async stop(graceMs = 10_000) {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const killed = await Promise.race([this.exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (killed) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** A client on the bench database, for backlog counts and to find the backends that serve the service. */
export class BenchDatabase {
  constructor(pgUrl, database) {
    Object.assign(this, { pgUrl, database });
  }

  async connect() {
    this.client = new pg.Client({ connectionString: `${this.pgUrl}/${this.database}` });
    await this.client.connect();
  }

  /** Postgres backend pids serving the bench database, other than this client's own. */
  async backendPids() {
    const { rows } = await this.client.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.database],
    );
    return rows.map((r) => r.pid);
  }

  async unpublishedOutboxRows() {
    const { rows } = await this.client.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return rows[0].n;
  }

  async close() {
    await this.client?.end().catch(() => {});
  }
}

/** Drops a database even with connections left open; returns quietly when it does not exist. */
export async function dropDatabase(pgUrl, database) {
  const admin = new pg.Client({ connectionString: `${pgUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function ensureDatabase(pgUrl, database) {
  const admin = new pg.Client({ connectionString: `${pgUrl}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}
