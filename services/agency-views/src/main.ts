import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createHttpApp, logLevelsFrom } from '@baton/http-api';
import { JetStreamServer } from '@baton/messaging';
import { AgencyViewsModule } from './app.module.js';
import { AgencyViewsConfig } from './config/agency-views.config.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig(AgencyViewsConfig);
  const app = await createHttpApp(AgencyViewsModule.register({ config }), {
    service: 'agency-views',
    description: "Each agency's coordinated, current view of its families, naming the lead professional",
    logLevels: logLevelsFrom(config.LOG_LEVEL),
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  new Logger('agency-views').log(`listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  new Logger('agency-views').fatal(error.message, error.stack);
  process.exit(1);
});
