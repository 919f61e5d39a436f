import pg from 'pg';
import { resolveTestServers } from './infrastructure.js';
import { startServiceUnderTest } from './service-under-test.js';
import type { TestInfra } from './test-infra.js';

async function databaseExists(databaseUrl: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: (await resolveTestServers()).postgresUrl });
  await admin.connect();
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    new URL(databaseUrl).pathname.slice(1),
  ]);
  await admin.end();
  return found.rowCount === 1;
}

describe('a service under test', () => {
  it("starts on the file's own database with a client on it, and stop removes service and database", async () => {
    let closed = false;
    const running = await startServiceUnderTest('under-test', async (infra) => ({
      databaseUrl: infra.databaseUrl,
      close: async () => void (closed = true),
    }));
    expect(running.service.databaseUrl).toBe(running.infra.databaseUrl);
    const { rows } = await running.db.query('SELECT current_database() AS name');
    expect(`/${rows[0].name}`).toBe(new URL(running.infra.databaseUrl).pathname);

    await running.stop();
    expect(closed).toBe(true);
    expect(await databaseExists(running.infra.databaseUrl)).toBe(false);
  });

  it('removes what it set up when the service fails to start, and passes the failure on', async () => {
    let provisioned: TestInfra | undefined;
    const failing = startServiceUnderTest('under-test-fails', async (infra) => {
      provisioned = infra;
      throw new Error('migration failed');
    });
    await expect(failing).rejects.toThrow('migration failed');
    expect(await databaseExists((provisioned as TestInfra).databaseUrl)).toBe(false);
  });
});
