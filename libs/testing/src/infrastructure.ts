import net from 'node:net';

/** Where the test suite's Postgres server and NATS JetStream server are. */
export interface TestServers {
  /** A URL to the server's maintenance database; each test file gets its own database beside it. */
  postgresUrl: string;
  natsUrl: string;
  origin: 'environment' | 'testcontainers' | 'local';
}

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_NATS_URL = 'nats://127.0.0.1:4222';

/** Environment variables through which global set-up hands containers' addresses to test workers. */
export const HARNESS_ENV = { postgres: 'BATON_HARNESS_POSTGRES_URL', nats: 'BATON_HARNESS_NATS_URL' } as const;

export function answers(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The servers a test file should use: TEST_DATABASE_URL / TEST_NATS_URL when given; else the containers
 * global set-up started (a Docker engine answered); else the machine's own services on their default
 * ports; else a loud failure saying how to provide them.
 */
export async function resolveTestServers(env: NodeJS.ProcessEnv = process.env): Promise<TestServers> {
  if (env.TEST_DATABASE_URL || env.TEST_NATS_URL) {
    return {
      postgresUrl: env.TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL,
      natsUrl: env.TEST_NATS_URL ?? LOCAL_NATS_URL,
      origin: 'environment',
    };
  }
  const fromContainers = env[HARNESS_ENV.postgres];
  const natsFromContainers = env[HARNESS_ENV.nats];
  if (fromContainers && natsFromContainers) {
    return { postgresUrl: fromContainers, natsUrl: natsFromContainers, origin: 'testcontainers' };
  }
  const [pgUp, natsUp] = await Promise.all([answers(LOCAL_POSTGRES_URL), answers(LOCAL_NATS_URL)]);
  if (pgUp && natsUp) return { postgresUrl: LOCAL_POSTGRES_URL, natsUrl: LOCAL_NATS_URL, origin: 'local' };
  throw new Error(
    [
      'Integration tests need PostgreSQL and NATS JetStream, and none were found:',
      `  - TEST_DATABASE_URL / TEST_NATS_URL are not set;`,
      `  - no Docker engine answered for testcontainers;`,
      `  - local services: Postgres on 127.0.0.1:5432 ${pgUp ? 'answered' : 'did not answer'}, NATS on 127.0.0.1:4222 ${natsUp ? 'answered' : 'did not answer'}.`,
      'Start Docker, or install and start postgresql and nats-server (see DEVELOPERS.md).',
    ].join('\n'),
  );
}
