import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadinessCheck } from '@baton/http-api';

/** Ready when the service's own database answers. */
@Injectable()
export class DatabaseHealth implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check() {
    await this.dataSource.query('SELECT 1');
    return { ok: true };
  }
}
