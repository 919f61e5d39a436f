import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

export interface MetricsOptions {
  /** Labels every series `service`. */
  service: string;
  /** METRICS_PORT: never the API port, so the figures are not served to the public; 0 picks a free port. */
  port: number;
  host: string;
}

const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

/** Serves the service's registry at `/metrics` on the metrics port, from start-up until shutdown. */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly registry: Registry,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsOptions,
  ) {}

  /** Where Prometheus scrapes, once listening. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The metrics server is not listening');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}/metrics`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?', 1)[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (error: Error) => {
          this.logger.error(`metrics collection failed: ${error.message}`, error.stack);
          response.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on ${this.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * The service's Prometheus registry (inject `Registry` from prom-client to add a metric) with the process's
 * default metrics, served on its own port.
 */
@Global()
@Module({})
export class MetricsModule {
  static register(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ service: options.service });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        MetricsServer,
      ],
      exports: [Registry, MetricsServer],
    };
  }
}
