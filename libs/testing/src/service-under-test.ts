import pg from 'pg';
import { provisionTestInfra, type TestInfra } from './test-infra.js';

/** One service started for a test file on the file's own infrastructure, with a client on its database. */
export interface ServiceUnderTest<S extends { close(): Promise<void> }> {
  infra: TestInfra;
  service: S;
  /** For checking rows the API does not show (outbox, marks, versions). */
  db: pg.Client;
  /** Closes the client, then the service, then removes the infrastructure. */
  stop(): Promise<void>;
}

/**
 * Provisions a test file's own database, stream and prefix, starts the service on them and connects to its
 * database: what an int-spec's `beforeAll` does. If starting fails, what was already set up is removed.
 */
export async function startServiceUnderTest<S extends { close(): Promise<void> }>(
  label: string,
  start: (infra: TestInfra) => Promise<S>,
): Promise<ServiceUnderTest<S>> {
  const infra = await provisionTestInfra(label);
  let service: S | undefined;
  try {
    service = await start(infra);
    const db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    const started = service;
    return {
      infra,
      service,
      db,
      async stop() {
        await db.end();
        await started.close();
        await infra.dispose();
      },
    };
  } catch (error) {
    await service?.close();
    await infra.dispose();
    throw error;
  }
}
