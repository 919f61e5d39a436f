import type { EntityManager } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot read as a named prepared statement on the pool, so Postgres plans it once per connection rather
 * than on every request (planning the plan load costs more than running it). Inside a transaction it must
 * use the transaction's connection, so it goes through the manager as any other statement.
 */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]) {
  const pool = (manager.connection.driver as unknown as { master?: PgPool }).master;
  if (manager.queryRunner === undefined && pool) return (await pool.query({ name, text, values })).rows as T[];
  return (await manager.query(text, values)) as T[];
}
