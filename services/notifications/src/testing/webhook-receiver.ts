import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** The status this receiver answered. */
  answered: number;
}

/**
 * A real HTTP receiver on a free port: records every request and answers as scripted — by default 200, or
 * `failNext(n)` times 500 first, so a test can take it "down" and bring it back.
 */
export class WebhookReceiver {
  readonly requests: ReceivedWebhook[] = [];
  private failures = 0;
  private down = false;

  private server?: Server;
  url = '';

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.listen();
    return receiver;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.answer();
        this.requests.push({
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
          answered: status,
        });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'unavailable');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Answers 500 to the next `n` requests. */
  failNext(n: number): void {
    this.failures = n;
  }

  /** Answers 500 to everything until {@link recover}. */
  goDown(): void {
    this.down = true;
  }

  recover(): void {
    this.down = false;
    this.failures = 0;
  }

  /** The requests answered 200. */
  accepted(): ReceivedWebhook[] {
    return this.requests.filter((r) => r.answered === 200);
  }

  close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private answer(): number {
    if (this.down) return 500;
    if (this.failures > 0) {
      this.failures -= 1;
      return 500;
    }
    return 200;
  }
}
