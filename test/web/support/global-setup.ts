import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batonWebClient, startDevIdentityProvider } from '@baton/dev-identity';
import { provisionTestInfra } from '@baton/testing';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LOG_DIR = join(ROOT, 'test-results', 'web', 'logs');
const SERVICES = ['referrals', 'taf', 'parenting', 'notifications', 'agency-views', 'audit'] as const;
// Seven processes start at once on a shared two-core machine; each must answer /health/ready within this.
const READY_TIMEOUT_MS = 180_000;

/**
 * Starts the real system for the journeys: its own databases, stream and subject prefix on the machine's
 * Postgres and NATS; the development OpenID Provider; each built service and the web as their own
 * processes (dist/main.js, as `npm start` runs them). Logs go to test-results/web/logs.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(LOG_DIR, { recursive: true });
  const infra = await provisionTestInfra('web-journeys');
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const provider = await startDevIdentityProvider({
    port: 0,
    keysDirectory: join(ROOT, '.baton', 'web-journeys-keys'),
    signInClients: [batonWebClient({ baseUrl: webUrl })],
  });
  const children: ChildProcess[] = [];
  const checkpointDir = mkdtempSync(join(tmpdir(), 'baton-web-journeys-checkpoints-'));
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(checkpointDir, { recursive: true, force: true });
    await provider.close();
    await infra.dispose();
  };
  try {
    const common = {
      NATS_URL: infra.natsUrl,
      NATS_STREAM: infra.streamName,
      NATS_SUBJECT_PREFIX: infra.subjectPrefix,
      AUTH_ISSUER: provider.issuer,
      AUTH_JWKS_URL: `${provider.url}/.well-known/jwks.json`,
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      LOG_LEVEL: 'warn',
    };
    const urls: Record<string, string> = {};
    for (const service of SERVICES) {
      const port = await freePort();
      urls[service] = `http://127.0.0.1:${port}`;
      children.push(
        startService(service, {
          ...common,
          DATABASE_URL: await infra.createDatabase(service),
          PORT: String(port),
          HOST: '127.0.0.1',
          ...(service === 'audit'
            ? {
                // Checkpoints sign this run's chain: a directory of the run's own (old ones would not match).
                CHECKPOINT_DIR: checkpointDir,
                CHECKPOINT_KEY_FILE: join(ROOT, '.baton', 'web-journeys-audit', 'checkpoint-key.pem'),
              }
            : {}),
        }),
      );
    }
    children.push(
      startService('web', {
        ...common,
        DATABASE_URL: await infra.createDatabase('web'),
        PORT: String(webPort),
        HOST: '127.0.0.1',
        WEB_BASE_URL: webUrl,
        REFERRALS_URL: urls.referrals!,
        TAF_URL: urls.taf!,
        PARENTING_URL: urls.parenting!,
        NOTIFICATIONS_URL: urls.notifications!,
        AGENCY_VIEWS_URL: urls['agency-views']!,
        AUDIT_URL: urls.audit!,
      }),
    );
    await Promise.all(
      [...Object.entries(urls), ['web', webUrl] as const].map(([name, url]) => waitUntilReady(name, url, children)),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.BATON_WEB_URL = webUrl;
  process.env.BATON_ISSUER_URL = provider.issuer;
  return stop;
}

function startService(name: string, env: Record<string, string>): ChildProcess {
  const log = createWriteStream(join(LOG_DIR, `${name}.log`));
  const child = spawn(process.execPath, [join(ROOT, 'services', name, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitUntilReady(name: string, url: string, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exited = children.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`a service stopped while starting (see ${LOG_DIR})`);
    const response = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} (${url}) was not ready within ${READY_TIMEOUT_MS / 1000} s (see ${LOG_DIR})`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
