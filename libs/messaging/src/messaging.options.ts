/** How a service plugs into the event backbone. Only `service`, `natsUrl`, `stream` and `subjectPrefix` are required. */
export interface MessagingOptions {
  /** The service's name, e.g. `referrals`: names its durable consumers and dead-letter subjects. */
  service: string;
  natsUrl: string;
  /** The JetStream stream capturing `${subjectPrefix}.>`. */
  stream: string;
  /** `baton` in production; tests use their own. */
  subjectPrefix: string;
  replicas?: number;
  /** Broker-side dedupe window for `Nats-Msg-Id` (default 2 minutes). */
  duplicateWindowMs?: number;
  relay?: {
    /** How often the relay looks for work when no notification arrives (default 1000 ms). */
    pollIntervalMs?: number;
    batchSize?: number;
    /** How long a publish waits for the broker's ack (default 5000 ms). */
    publishTimeoutMs?: number;
    /**
     * After being woken with little to do, wait this long for more commits before claiming a batch (default 0:
     * at once). For a service whose events are many and small (access records behind every read), a few
     * milliseconds turn one round trip per event into one per batch.
     */
    gatherMs?: number;
    /**
     * A module the relay's worker thread imports before it starts (by URL), whose `setUpThread(service)` resolves to
     * something with `shutdown()`: how `@baton/service-host` starts tracing in that thread.
     */
    threadSetupModule?: string;
  };
  outbox?: {
    /**
     * Days a published row stays in the outbox (default 0: for ever). The stream holds the events; the outbox copy
     * serves replays, and rebuilds of other services' read models once the stream has been trimmed.
     */
    retentionDays?: number;
    /** How often old rows are looked for (default hourly). */
    purgeIntervalMs?: number;
  };
  consumer?: {
    /** Deliveries before an event is dead-lettered (default 5). */
    maxDeliver?: number;
    /** Redelivery delays after each failed attempt; the last repeats (default 1 s, 5 s, 30 s, 120 s). */
    backoffMs?: number[];
    ackWaitMs?: number;
  };
}

/** The options with every default filled in. */
export interface ResolvedMessagingOptions {
  service: string;
  natsUrl: string;
  stream: string;
  subjectPrefix: string;
  replicas: number;
  duplicateWindowMs: number;
  relay: {
    pollIntervalMs: number;
    batchSize: number;
    publishTimeoutMs: number;
    gatherMs: number;
    threadSetupModule?: string;
  };
  outbox: { retentionDays: number; purgeIntervalMs: number };
  consumer: { maxDeliver: number; backoffMs: number[]; ackWaitMs: number };
}

/** Injection token of the {@link ResolvedMessagingOptions}. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export function resolveMessagingOptions(options: MessagingOptions): ResolvedMessagingOptions {
  const backoffMs = options.consumer?.backoffMs ?? [1_000, 5_000, 30_000, 120_000];
  if (backoffMs.length === 0 || backoffMs.some((ms) => !(ms >= 0))) {
    throw new Error('MessagingOptions.consumer.backoffMs must list at least one non-negative delay');
  }
  const retentionDays = options.outbox?.retentionDays ?? 0;
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new Error('MessagingOptions.outbox.retentionDays must be a whole number of days, 0 to keep every row');
  }
  if (!/^[a-z0-9-]+$/.test(options.service)) {
    throw new Error(`MessagingOptions.service '${options.service}' must be lower-case letters, digits and hyphens`);
  }
  return {
    service: options.service,
    natsUrl: options.natsUrl,
    stream: options.stream,
    subjectPrefix: options.subjectPrefix,
    replicas: options.replicas ?? 1,
    duplicateWindowMs: options.duplicateWindowMs ?? 120_000,
    relay: {
      pollIntervalMs: options.relay?.pollIntervalMs ?? 1_000,
      batchSize: options.relay?.batchSize ?? 100,
      publishTimeoutMs: options.relay?.publishTimeoutMs ?? 5_000,
      gatherMs: options.relay?.gatherMs ?? 0,
      threadSetupModule: options.relay?.threadSetupModule,
    },
    outbox: {
      retentionDays,
      purgeIntervalMs: options.outbox?.purgeIntervalMs ?? 3_600_000,
    },
    consumer: {
      maxDeliver: options.consumer?.maxDeliver ?? 5,
      backoffMs,
      ackWaitMs: options.consumer?.ackWaitMs ?? 30_000,
    },
  };
}
