import type { OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';

/** The web's own database, which holds only sessions (no case data is ever kept here). */
export class SessionDatabase implements OnApplicationShutdown {
  readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  }

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
