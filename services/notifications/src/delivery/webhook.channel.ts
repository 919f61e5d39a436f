import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { signedHeaders } from '../webhook/webhook-signature.js';
import { WebhookSecretBox } from '../webhook/webhook-secret-box.js';
import { WebhookTargets } from '../webhook/webhook-target.js';
import type { ClaimedDelivery, DeliveryChannel } from './claimed-delivery.js';

export const DELIVERY_TIMEOUT = Symbol('DELIVERY_TIMEOUT');

/**
 * Posts the recipient's minimised CloudEvent to an agency's endpoint, signed per Standard Webhooks; 2xx = delivered,
 * redirects are not followed. node:http with keep-alive agents rather than fetch: at hundreds of deliveries a second
 * fetch's streams and abort signals cost more CPU than the request itself.
 */
@Injectable()
export class WebhookChannel implements DeliveryChannel, OnApplicationShutdown {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 32 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 32 });

  constructor(
    @Inject(DELIVERY_TIMEOUT) private readonly timeoutMs: number,
    private readonly targets: WebhookTargets,
    private readonly box: WebhookSecretBox,
  ) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.endpoint === null) throw new Error('The webhook endpoint no longer exists');
    // Checked again at each delivery: the rule may have tightened since the endpoint was registered.
    const refusal = this.targets.refusalOf(delivery.endpoint.url);
    if (refusal !== undefined) throw new Error(`webhooks may not reach this address: ${refusal}`);
    const body = delivery.payload;
    const status = await this.post(delivery.endpoint.url, body, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Baton-Notifications/1',
      ...signedHeaders(
        delivery.publicId,
        body,
        delivery.endpoint.secrets.map((s) => ({ ...s, secret: this.box.open(s.secret) })),
        new Date(),
      ),
    });
    if (status < 200 || status > 299) throw new Error(`the endpoint answered HTTP ${status}`);
  }

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }

  private post(url: string, body: string, headers: Record<string, string>): Promise<number> {
    const secure = url.startsWith('https:');
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          headers,
          agent: secure ? this.https : this.http,
          timeout: this.timeoutMs,
          lookup: this.targets.lookup,
        },
        (response: IncomingMessage) => {
          // Read the answer to the end so the keep-alive connection can carry the next delivery.
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }
}
