import { Inject, Injectable } from '@nestjs/common';
import { signedHeaders } from '../webhook/webhook-signature.js';
import type { ClaimedDelivery, DeliveryChannel } from './claimed-delivery.js';

export const DELIVERY_TIMEOUT = Symbol('DELIVERY_TIMEOUT');

/** Posts the recipient's minimised CloudEvent to an agency's endpoint, signed per Standard Webhooks. 2xx = delivered. */
@Injectable()
export class WebhookChannel implements DeliveryChannel {
  constructor(@Inject(DELIVERY_TIMEOUT) private readonly timeoutMs: number) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.endpoint === null) throw new Error('The webhook endpoint no longer exists');
    const body = JSON.stringify(delivery.payload);
    const response = await fetch(delivery.endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Notifications/1',
        ...signedHeaders(delivery.publicId, body, delivery.endpoint.secrets, new Date()),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // Read the answer to the end so the keep-alive connection can carry the next delivery.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299)
      throw new Error(`the endpoint answered HTTP ${response.status}`);
  }
}
