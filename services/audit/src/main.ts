import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { AuditModule } from './app.module.js';
import { CheckpointStore } from './checkpoint/checkpoint-store.js';
import { AuditConfig } from './config/audit.config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(AuditConfig);
  const tenants = TenantDirectory.load(config.TENANT_CONFIG_DIR ?? defaultTenantConfigDir());
  const checkpoints = await CheckpointStore.forSigning({
    dir: config.CHECKPOINT_DIR,
    keyFile: config.CHECKPOINT_KEY_FILE,
  });
  const app = await createHttpApp(AuditModule.register({ config, tenants, checkpoints }), {
    service: 'audit',
    description: 'Tamper-evident ledger of every event and record access; oversight queries and statutory reports',
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  new Logger('audit').log(`listening on ${await app.getUrl()}; checkpoints in ${checkpoints.dir}`);
}

bootstrap().catch((error: Error) => {
  new Logger('audit').fatal(error.message, error.stack);
  process.exit(1);
});
