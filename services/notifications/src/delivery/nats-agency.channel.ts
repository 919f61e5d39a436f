import { Injectable } from '@nestjs/common';
import { headers } from '@nats-io/nats-core';
import { NatsBroker } from '@baton/messaging';
import type { ClaimedDelivery, DeliveryChannel } from './claimed-delivery.js';

/**
 * `<prefix>.<tenant>.agency.<agency>.<aggregate>.<what-happened>`: one agency's tree, which NATS permissions can
 * grant to that agency's credentials alone (docker/nats/agency-permissions.conf).
 */
export function agencySubject(prefix: string, tenant: string, agencyId: string, eventType: string): string {
  const [, aggregate, name] = eventType.split('.');
  return `${prefix}.${tenant}.agency.${agencyId}.${aggregate}.${name}`;
}

/**
 * Republishes an agency's minimised copy of an event on its own subject tree. Published through JetStream (the
 * event stream captures `<prefix>.>`), so the broker's ack means it is stored; the delivery id is the message id,
 * so a retry after a lost ack is not stored twice.
 */
@Injectable()
export class NatsAgencyChannel implements DeliveryChannel {
  constructor(private readonly broker: NatsBroker) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    const h = headers();
    h.set('Baton-Delivery-Id', delivery.publicId);
    await this.broker.js.publish(delivery.target, delivery.payload, {
      msgID: delivery.publicId,
      headers: h,
    });
  }
}
