import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { dropDatabase, ensureDatabase, withDatabase } from '@baton/persistence';
import { resolveTestServers, type TestServers } from './infrastructure.js';

/** What one test file owns: its own database, and its own stream and subject prefix on the shared servers. */
export interface TestInfra {
  servers: TestServers;
  /** A fresh database for this file. */
  databaseUrl: string;
  /** Make another fresh database (e.g. one per service in an end-to-end test); dropped with the rest. */
  createDatabase(label: string): Promise<string>;
  natsUrl: string;
  /** Unique subject prefix, in place of `baton`, so files never see each other's events. */
  subjectPrefix: string;
  /** Unique JetStream stream name; every stream whose name starts with it is removed afterwards. */
  streamName: string;
  /** Set by a test that serves tenant files of its own (e.g. a second local authority); passed to each service. */
  tenantConfigDir?: string;
  dispose(): Promise<void>;
}

/** Provisions isolated infrastructure for one test file. Call in beforeAll, dispose in afterAll. */
export async function provisionTestInfra(label: string): Promise<TestInfra> {
  const servers = await resolveTestServers();
  const suffix = randomBytes(4).toString('hex');
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const databases: string[] = [];
  const createDatabase = async (name: string): Promise<string> => {
    const url = withDatabase(servers.postgresUrl, `t_${slug}_${name.replace(/[^a-z0-9]+/gi, '_')}_${suffix}`);
    await ensureDatabase(url);
    databases.push(url);
    return url;
  };
  const databaseUrl = await createDatabase('main');
  const streamName = `T_${slug.toUpperCase()}_${suffix.toUpperCase()}`;
  return {
    servers,
    databaseUrl,
    createDatabase,
    natsUrl: servers.natsUrl,
    subjectPrefix: `t${suffix}`,
    streamName,
    async dispose() {
      await Promise.all(databases.map((url) => dropDatabase(url)));
      await removeStreams(servers.natsUrl, streamName);
    },
  };
}

async function removeStreams(natsUrl: string, namePrefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl.split(',') }); // one server, or a cluster's, comma-separated
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(namePrefix)) names.push(name);
    await Promise.all(names.map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}
