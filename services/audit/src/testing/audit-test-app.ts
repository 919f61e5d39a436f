import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevIssuer, type DevTokenClaims } from '@baton/auth';
import { SettableClock } from '@baton/calendar';
import { loadConfig } from '@baton/config';
import { createHttpApp } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { AuditModule } from '../app.module.js';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { AuditConfig } from '../config/audit.config.js';

export interface AuditTestApp {
  app: NestFastifyApplication;
  url: string;
  issuer: DevIssuer;
  clock: SettableClock;
  checkpoints: CheckpointStore;
  checkpointDir: string;
  /** A token for a demo person, e.g. `audit-officer`, `hub-manager`. */
  tokenFor(personId: string): Promise<string>;
  close(): Promise<void>;
}

export interface AuditTestAppOptions {
  databaseUrl: string;
  natsUrl: string;
  streamName: string;
  subjectPrefix: string;
  now: Date;
  /** Share the issuer of other services in the same test. */
  issuer?: DevIssuer;
}

/** The real audit service on a test's own database, stream and prefix, with checkpoints in a temporary directory. */
export async function startAuditTestApp(o: AuditTestAppOptions): Promise<AuditTestApp> {
  const issuer = o.issuer ?? (await DevIssuer.ephemeral({ audience: 'baton' }));
  const jwks = await issuer.listen(0);
  const checkpointDir = await mkdtemp(join(tmpdir(), 'baton-audit-checkpoints-'));
  const config = loadConfig(AuditConfig, {
    DATABASE_URL: o.databaseUrl,
    NATS_URL: o.natsUrl,
    NATS_STREAM: o.streamName,
    NATS_SUBJECT_PREFIX: o.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    CHECKPOINT_DIR: checkpointDir,
    CHECKPOINT_KEY_FILE: join(checkpointDir, 'key', 'checkpoint-key.pem'),
    CHECKPOINT_INTERVAL_MS: '3600000',
    LOG_LEVEL: 'warn',
  });
  const clock = new SettableClock(o.now);
  const tenants = TenantDirectory.load(defaultTenantConfigDir());
  const checkpoints = await CheckpointStore.forSigning({
    dir: config.CHECKPOINT_DIR,
    keyFile: config.CHECKPOINT_KEY_FILE,
  });
  const app = await createHttpApp(AuditModule.register({ config, tenants, checkpoints, clock }), {
    service: 'audit',
    description: 'test',
    logLevels: ['fatal', 'error', 'warn'],
    swaggerUi: false,
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const demo = tenants.requireTenant('demo');
  return {
    app,
    url: await app.getUrl(),
    issuer,
    clock,
    checkpoints,
    checkpointDir,
    async tokenFor(personId: string) {
      const person = demo.people.find((p) => p.personId === personId);
      if (!person) throw new Error(`no demo person ${personId}`);
      const roles = person.roles as DevTokenClaims['roles'];
      const claims = { sub: person.personId, name: person.name, agency_id: person.agencyId, roles, tenant: 'demo' };
      return issuer.sign(claims, { expiresIn: '30m' });
    },
    async close() {
      await app.close();
      await jwks.close();
      await rm(checkpointDir, { recursive: true, force: true });
    },
  };
}
