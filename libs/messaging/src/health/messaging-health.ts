import { Inject, Injectable } from '@nestjs/common';
import { NatsBroker } from '../broker/nats-broker.js';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { JetStreamServer } from '../transport/jetstream.server.js';

export interface ConsumerLag {
  consumer: string;
  /** Events in the stream not yet delivered to this consumer. */
  pending: number;
  /** Delivered but not yet acknowledged. */
  ackPending: number;
}

export interface MessagingStatus {
  natsConnected: boolean;
  /** Committed events the relay has not published yet; null when the database did not answer. */
  outboxPending: number | null;
  consumers: ConsumerLag[];
}

/** The figures `/health/ready` reports about messaging: broker connection, relay lag and consumer lag. */
@Injectable()
export class MessagingHealth {
  /** Name under which `/health/ready` reports this check. */
  readonly name = 'messaging';

  constructor(
    private readonly broker: NatsBroker,
    private readonly relay: OutboxRelay,
    private readonly server: JetStreamServer,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  async status(): Promise<MessagingStatus> {
    const natsConnected = this.broker.connected;
    const [outboxPending, consumers] = await Promise.all([
      this.relay.pending().catch(() => null),
      natsConnected ? this.consumerLag() : Promise.resolve([]),
    ]);
    return { natsConnected, outboxPending, consumers };
  }

  /** Ready while connected to NATS; the lag figures are reported alongside for operators. */
  async check(): Promise<{ ok: boolean; detail: Record<string, unknown> }> {
    const status = await this.status();
    return { ok: status.natsConnected, detail: { ...status } };
  }

  private consumerLag(): Promise<ConsumerLag[]> {
    return Promise.all(
      this.server.bindings().map(async ({ durable }) => {
        const info = await this.broker.jsm.consumers.info(this.options.stream, durable).catch(() => undefined);
        return { consumer: durable, pending: info?.num_pending ?? 0, ackPending: info?.num_ack_pending ?? 0 };
      }),
    );
  }
}
