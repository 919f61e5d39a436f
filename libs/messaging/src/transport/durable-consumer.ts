import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';

export interface DurableConsumerSettings {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  maxDeliver: number;
}

const logger = new Logger('DurableConsumer');

/** Creates the durable pull consumer, or brings an existing one to these settings. Safe from every replica. */
export async function ensureDurableConsumer(jsm: JetStreamManager, s: DurableConsumerSettings): Promise<ConsumerInfo> {
  const wanted: Partial<ConsumerConfig> = {
    filter_subject: s.filterSubject,
    ack_wait: nanos(s.ackWaitMs),
    max_deliver: s.maxDeliver,
  };
  const existing = await consumerInfo(jsm, s.stream, s.durable);
  if (existing === undefined) {
    try {
      return await jsm.consumers.add(s.stream, {
        durable_name: s.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...wanted,
      });
    } catch (e) {
      const raced = await consumerInfo(jsm, s.stream, s.durable);
      if (raced === undefined) throw e;
      return raced;
    }
  }
  const c = existing.config;
  if (
    c.filter_subject === wanted.filter_subject &&
    c.ack_wait === wanted.ack_wait &&
    c.max_deliver === wanted.max_deliver
  ) {
    return existing;
  }
  logger.log(`Updating consumer ${s.durable} to the configured filter, ack wait and attempts`);
  return jsm.consumers.update(s.stream, s.durable, wanted);
}

async function consumerInfo(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (e) {
    if (e instanceof JetStreamApiError && e.code === JetStreamApiCodes.ConsumerNotFound) return undefined;
    throw e;
  }
}

export function isStreamNotFound(e: unknown): boolean {
  return e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound;
}
