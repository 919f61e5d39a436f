import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestIssuer, TestTokenClaims } from '@baton/testing';
import { SettableClock } from '@baton/calendar';
import { startTestService, type TestService, type TestServiceInfra } from '@baton/service-host';
import { AuditModule } from '../app.module.js';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { AuditConfig } from '../config/audit.config.js';
import { auditService } from '../audit.service-definition.js';

export interface AuditTestApp extends TestService<AuditConfig> {
  clock: SettableClock;
  checkpoints: CheckpointStore;
  checkpointDir: string;
  /** A token for a demo person, e.g. `audit-officer`, `hub-manager`. */
  tokenFor(personId: string): Promise<string>;
}

export interface AuditTestAppOptions extends TestServiceInfra {
  now: Date;
  /** Share the issuer of other services in the same test. */
  issuer?: TestIssuer;
}

/** The real audit service on a test's own database, stream and prefix, with checkpoints in a temporary directory. */
export async function startAuditTestApp(o: AuditTestAppOptions): Promise<AuditTestApp> {
  const checkpointDir = await mkdtemp(join(tmpdir(), 'baton-audit-checkpoints-'));
  const keyFile = join(checkpointDir, 'key', 'checkpoint-key.pem');
  const checkpoints = await CheckpointStore.forSigning({ dir: checkpointDir, keyFile });
  const clock = new SettableClock(o.now);
  const service = await startTestService({
    service: 'audit',
    description: auditService.description,
    config: AuditConfig,
    infra: o,
    auth: o.issuer ? { issuer: o.issuer } : undefined,
    // Tests write checkpoints themselves, at the times they choose.
    env: { CHECKPOINT_DIR: checkpointDir, CHECKPOINT_KEY_FILE: keyFile, CHECKPOINT_INTERVAL_MS: '3600000' },
    module: ({ config, tenants }) => AuditModule.register({ config, tenants, checkpoints, clock }),
  });
  const demo = service.context.tenants.requireTenant('demo');
  return {
    ...service,
    clock,
    checkpoints,
    checkpointDir,
    async tokenFor(personId: string) {
      const person = demo.people.find((p) => p.personId === personId);
      if (!person) throw new Error(`no demo person ${personId}`);
      const roles = person.roles as TestTokenClaims['roles'];
      const claims = { sub: person.personId, name: person.name, agency_id: person.agencyId, roles, tenant: 'demo' };
      return service.issuer.sign(claims, { expiresIn: '30m' });
    },
    async close() {
      await service.close();
      await rm(checkpointDir, { recursive: true, force: true });
    },
  };
}
