import type { ServiceDefinition } from '@baton/service-host';
import { AuditModule } from './app.module.js';
import { CheckpointStore } from './checkpoint/checkpoint-store.js';
import { AuditConfig } from './config/audit.config.js';

/** What the audit service is, as `main.ts` runs it and its OpenAPI document names it. */
export const auditService: ServiceDefinition<AuditConfig> = {
  service: 'audit',
  description: 'Tamper-evident ledger of every event and record access; oversight queries and statutory reports',
  config: AuditConfig,
  module: async ({ config, tenants, logger }) => {
    const checkpoints = await CheckpointStore.forSigning({
      dir: config.CHECKPOINT_DIR,
      keyFile: config.CHECKPOINT_KEY_FILE,
    });
    logger.log(`checkpoints in ${checkpoints.dir}`);
    return AuditModule.register({ config, tenants, checkpoints });
  },
};
