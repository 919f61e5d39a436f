import { Logger } from '@nestjs/common';
import { loadConfig } from '@baton/config';
import { createServiceLogger, nestLoggerFor } from '@baton/http-api';
import { startTracing, tracingRequested } from '@baton/service-host/tracing';
import { createWebApp } from './create-web-app.js';
import { WebConfig } from '../config/web.config.js';

/**
 * Starts the web service as `runService` starts the others: configuration from the environment,
 * tracing when the `OTEL_*` variables ask for it (incoming requests and the fetch calls to the services, whose
 * W3C `traceparent` header carries the trace on), HTTP on PORT/HOST; anything that stops it starting is logged as
 * fatal and ends the process.
 */
export async function runWebService(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = new Logger('web');
  try {
    const tracing = tracingRequested(env) ? startTracing('web') : undefined;
    const config = loadConfig(WebConfig, env);
    const pino = await createServiceLogger({ service: 'web', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
    Logger.overrideLogger(nestLoggerFor(pino));
    const app = await createWebApp(config, { logger: pino });
    // The last requests' spans leave before the process does.
    if (tracing)
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onClose', () => tracing.shutdown());
    await app.listen(config.PORT, config.HOST);
    logger.log(`listening on ${await app.getUrl()}; people open ${config.WEB_BASE_URL}`);
  } catch (error) {
    logger.fatal((error as Error).message, (error as Error).stack);
    process.exit(1);
  }
}
