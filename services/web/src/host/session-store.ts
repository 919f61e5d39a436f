import fastifySession from '@fastify/session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';

/**
 * Sessions in the web's own Postgres database (table web_session, created when missing), so any
 * replica can serve any request and a restart signs no one out. Expired rows are pruned by the store.
 */
export function createSessionStore(pool: pg.Pool): { store: fastifySession.SessionStore; close(): void } {
  // connect-pg-simple extends the Store class it is given; @fastify/session's follows express-session's.
  const PgStore = connectPgSimple(fastifySession as unknown as Parameters<typeof connectPgSimple>[0]);
  const store = new PgStore({ pool, tableName: 'web_session', createTableIfMissing: true });
  return { store: store as unknown as fastifySession.SessionStore, close: () => store.close() };
}
