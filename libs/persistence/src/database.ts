import pg from 'pg';
import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';

export interface DatabaseOptions {
  /** postgres://user@host:port/database — the service's own database. */
  url: string;
  // TypeORM's own option types: entity classes and migration classes, listed explicitly (ESM has no globbing).
  entities: MixedList<Function | string | EntitySchema>; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  poolSize?: number;
  applicationName?: string;
}

/** A TypeORM data source for one service's database. Schema changes only ever come from migrations. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
    // A database that does not answer fails a request in 5 s (a 503 to the caller) instead of holding it.
    connectTimeoutMS: 5000,
    extra: { application_name: options.applicationName },
  });
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name in DATABASE_URL: "${name}"`);
  return name;
}

/** The same server, another database: used to create or drop a service's database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the database named in `url` when it does not exist yet, so a fresh server needs no manual step. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`).catch((e: { code?: string }) => {
        // 42P04: another replica created it between our check and our CREATE.
        if (e.code !== '42P04') throw e;
      });
    }
  } finally {
    await admin.end();
  }
}

/** Drops the database named in `url`, disconnecting anyone still attached. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Creates the database if needed, connects, and applies pending migrations (each in its own transaction). */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.url);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Runs `work` in one transaction: a state change and its outbox event commit together or not at all. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
