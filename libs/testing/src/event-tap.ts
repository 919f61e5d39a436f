import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';

/** The parts of a CloudEvent a test looks at. */
export interface TappedEvent {
  id: string;
  type: string;
  subject: string;
  tenant: string;
  familyid?: string;
  actor: string;
  data: Record<string, unknown>;
  natsSubject: string;
}

/**
 * Listens to every event under a test's subject prefix, as any other service would see it on the
 * broker, so a test asserts on what was really published — not on what the code meant to publish.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly connection: NatsConnection,
    private readonly subscription: Subscription,
  ) {
    void this.pump();
  }

  static async open(natsUrl: string, subjectPrefix: string): Promise<EventTap> {
    const connection = await connect({ servers: natsUrl.split(',') }); // one server, or a cluster's, comma-separated
    const tap = new EventTap(connection, connection.subscribe(`${subjectPrefix}.>`));
    await connection.flush();
    return tap;
  }

  private async pump(): Promise<void> {
    for await (const message of this.subscription) {
      this.events.push({ ...(message.json() as Omit<TappedEvent, 'natsSubject'>), natsSubject: message.subject });
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  ofType(type: string): TappedEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** Resolves with the first event matching, waiting up to `timeoutMs` for it to arrive. */
  async waitFor(match: (e: TappedEvent) => boolean, timeoutMs = 10_000): Promise<TappedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms; saw: ${this.events.map((e) => e.type).join(', ') || 'none'}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.subscription.unsubscribe();
    await this.connection.close();
  }
}
