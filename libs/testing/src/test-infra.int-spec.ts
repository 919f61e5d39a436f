import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { provisionTestInfra } from './test-infra.js';

describe('test infrastructure', () => {
  it('gives each test file its own database and stream names, and removes them afterwards', async () => {
    const a = await provisionTestInfra('harness');
    const b = await provisionTestInfra('harness');
    expect(a.databaseUrl).not.toEqual(b.databaseUrl);
    expect(a.subjectPrefix).not.toEqual(b.subjectPrefix);

    const nc = await connect({ servers: a.natsUrl });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: a.streamName, subjects: [`${a.subjectPrefix}.>`] });
    const client = new pg.Client({ connectionString: a.databaseUrl });
    await client.connect();
    await client.query('CREATE TABLE t (id int)');
    await client.end();

    await a.dispose();
    await b.dispose();
    await expect(jsm.streams.info(a.streamName)).rejects.toThrow(/stream not found/);
    const admin = new pg.Client({ connectionString: a.servers.postgresUrl });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      new URL(a.databaseUrl).pathname.slice(1),
    ]);
    await admin.end();
    await nc.close();
    expect(left.rowCount).toBe(0);
  });
});
