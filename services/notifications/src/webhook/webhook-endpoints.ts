import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import type { WebhookSecret } from '../delivery/claimed-delivery.js';
import type { RegisterWebhookDto } from './dto/register-webhook.dto.js';
import { WebhookSecretBox } from './webhook-secret-box.js';
import { WebhookTargets } from './webhook-target.js';
import { newWebhookSecret } from './webhook-signature.js';

export interface WebhookEndpointView {
  id: string;
  agencyId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  version: number;
  createdAt: string;
  /** When each signing secret stops signing (null: current); the secrets themselves are shown only once. */
  secretExpiries: (string | null)[];
}

interface EndpointRow {
  id: string;
  agencyId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  secrets: WebhookSecret[];
  active: boolean;
  version: number;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `id, agency_id AS "agencyId", url, description, event_types AS "eventTypes", secrets, active, version,
  created_at AS "createdAt"`;

/** An agency's registered endpoints: its agency-admin registers, lists, rotates the secret of and removes them. */
@Injectable()
export class WebhookEndpoints implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookEndpoints.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: WebhookTargets,
    private readonly box: WebhookSecretBox,
  ) {}

  /**
   * Seals, under the current key, every stored secret kept as given or sealed under the previous key; says so when
   * there is no key. Safe in several replicas: rows are locked while they are rewritten.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.box.sealing) {
      this.logger.warn('Webhook signing secrets are stored as they are: set WEBHOOK_SECRETS_KEY to seal them at rest');
      return;
    }
    const resealed = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; secrets: WebhookSecret[] }[]>(
        'SELECT id, secrets FROM webhook_endpoint ORDER BY id FOR UPDATE',
      );
      const stale = rows.filter((r) => r.secrets.some((s) => this.box.needsResealing(s.secret)));
      for (const row of stale) {
        const secrets = row.secrets.map((s) => ({ ...s, secret: this.box.seal(this.box.open(s.secret)) }));
        await manager.query('UPDATE webhook_endpoint SET secrets = $2 WHERE id = $1', [
          row.id,
          JSON.stringify(secrets),
        ]);
      }
      return stale.length;
    });
    if (resealed > 0)
      this.logger.log(`Sealed the signing secrets of ${resealed} webhook endpoint(s) under the current key`);
  }

  async register(caller: Caller, dto: RegisterWebhookDto): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
    if (this.targets.carriesCredentials(dto.url)) {
      const message = 'url must not carry a user name or password';
      throw ProblemException.of(422, 'webhook-target', 'Webhooks may not reach this address', message, {
        errors: [{ field: 'url', rule: 'hasNoCredentials', message }],
      });
    }
    const refusal = this.targets.refusalOf(dto.url);
    if (refusal !== undefined) {
      const message = `url must reach a public address: ${refusal}`;
      throw ProblemException.of(422, 'webhook-target', 'Webhooks may not reach this address', message, {
        errors: [{ field: 'url', rule: 'isPublicAddress', message }],
      });
    }
    const secret = newWebhookSecret();
    const secrets: WebhookSecret[] = [
      { secret: this.box.seal(secret), createdAt: new Date().toISOString(), expiresAt: null },
    ];
    const [row] = await this.dataSource.query<EndpointRow[]>(
      `INSERT INTO webhook_endpoint (id, tenant, agency_id, url, description, event_types, secrets, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        caller.tenant,
        caller.agencyId,
        dto.url,
        dto.description ?? null,
        [...new Set(dto.eventTypes)],
        JSON.stringify(secrets),
        caller.personId,
      ],
    );
    return { endpoint: viewOf(row), secret };
  }

  async list(caller: Caller): Promise<WebhookEndpointView[]> {
    const rows = await this.dataSource.query<EndpointRow[]>(
      `SELECT ${COLUMNS} FROM webhook_endpoint WHERE tenant = $1 AND agency_id = $2 AND active ORDER BY created_at, id`,
      [caller.tenant, caller.agencyId],
    );
    return rows.map(viewOf);
  }

  async get(caller: Caller, id: string): Promise<WebhookEndpointView> {
    return viewOf(await this.load(caller, id));
  }

  /** A new secret signs from now on; the current one keeps signing alongside it for `overlapMinutes`. */
  async rotateSecret(
    caller: Caller,
    id: string,
    overlapMinutes: number,
  ): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(caller, id, true, manager.query.bind(manager));
      const now = new Date();
      const retireAt = new Date(now.getTime() + overlapMinutes * 60_000).toISOString();
      const secret = newWebhookSecret();
      const kept = row.secrets
        .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now)
        .map((s) => ({ ...s, expiresAt: s.expiresAt ?? retireAt }));
      const secrets = [{ secret: this.box.seal(secret), createdAt: now.toISOString(), expiresAt: null }, ...kept];
      // TypeORM answers an UPDATE with [rows, count].
      const [updated] = await manager.query<[EndpointRow[], number]>(
        `UPDATE webhook_endpoint SET secrets = $2, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
        [row.id, JSON.stringify(secrets)],
      );
      return { endpoint: viewOf(updated[0]), secret };
    });
  }

  /** Stops deliveries to the endpoint; those still waiting become dead, listable and replayable elsewhere. */
  async remove(caller: Caller, id: string): Promise<void> {
    const row = await this.load(caller, id);
    await this.dataSource.query('UPDATE webhook_endpoint SET active = false, version = version + 1 WHERE id = $1', [
      row.id,
    ]);
  }

  private async load(
    caller: Caller,
    id: string,
    lock = false,
    query: DataSource['query'] = this.dataSource.query.bind(this.dataSource),
  ): Promise<EndpointRow> {
    if (!UUID.test(id)) throw ProblemException.notFound(`Webhook endpoint ${id}`);
    const rows = await query<EndpointRow[]>(
      `SELECT ${COLUMNS} FROM webhook_endpoint WHERE id = $1 AND tenant = $2 AND agency_id = $3 AND active
       ${lock ? 'FOR UPDATE' : ''}`,
      [id, caller.tenant, caller.agencyId],
    );
    // Another agency's endpoint is not found, as if it did not exist.
    if (rows.length === 0) throw ProblemException.notFound(`Webhook endpoint ${id}`);
    return rows[0];
  }
}

function viewOf(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    agencyId: row.agencyId,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    secretExpiries: row.secrets.map((s) => s.expiresAt),
  };
}
