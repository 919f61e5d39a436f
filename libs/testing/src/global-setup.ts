import { HARNESS_ENV } from './infrastructure.js';

interface Stoppable {
  stop(): Promise<unknown>;
}
// Jest loads global set-up and teardown as separate modules; the started containers live on globalThis.
const registry = globalThis as typeof globalThis & { batonTestContainers?: Stoppable[] };

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Jest global set-up: when no servers are configured and a Docker engine answers, start one Postgres
 * and one NATS JetStream container for the whole run. Workers inherit their addresses through env.
 */
export async function startTestServers(): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.TEST_NATS_URL) return;
  if (!(await dockerAnswers())) return;
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { NatsContainer } = await import('@testcontainers/nats');
  const [postgres, nats] = await Promise.all([
    new PostgreSqlContainer('postgres:18.4-alpine').withUsername('postgres').withPassword('postgres').start(),
    new NatsContainer('nats:2.14.2-alpine').withJetStream().start(),
  ]);
  registry.batonTestContainers = [postgres, nats];
  process.env[HARNESS_ENV.postgres] =
    `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`;
  process.env[HARNESS_ENV.nats] = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
}

export async function stopTestServers(): Promise<void> {
  const started = registry.batonTestContainers ?? [];
  registry.batonTestContainers = [];
  await Promise.all(started.map((c) => c.stop()));
}
