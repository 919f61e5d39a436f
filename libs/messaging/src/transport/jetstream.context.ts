import type { JsMsg } from '@nats-io/jetstream';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

type JetStreamContextArgs = [message: JsMsg | undefined, manager: EntityManager, consumer: string];

/**
 * What an event handler gets besides the event (`@Ctx() ctx: JetStreamContext`). Write through `ctx.manager`: it is
 * the transaction that also records the event in the inbox, so the handler's changes and its outbox appends
 * commit together with "processed" or not at all.
 */
export class JetStreamContext extends BaseRpcContext<JetStreamContextArgs> {
  get manager(): EntityManager {
    return this.args[1];
  }

  /** The JetStream message; absent when an operator replays a dead letter. */
  get message(): JsMsg | undefined {
    return this.args[0];
  }

  /** The durable consumer's name. */
  get consumer(): string {
    return this.args[2];
  }

  /**
   * The event's sequence in the JetStream stream: a position every consumer of the stream agrees on, so a read
   * model can say which events it reflects. Absent when an operator replays a dead letter.
   */
  get streamSequence(): number | undefined {
    return this.args[0]?.seq;
  }

  /** 1 on first delivery; 0 on a replay of a dead letter. */
  get deliveryCount(): number {
    return this.args[0]?.info.deliveryCount ?? 0;
  }
}
