import { Logger } from '@nestjs/common';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  StorageType,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';

export interface EventStreamSettings {
  stream: string;
  subjectPrefix: string;
  duplicateWindowMs: number;
  replicas: number;
}

const logger = new Logger('EventStream');

/**
 * Creates the one event stream capturing `<prefix>.>` (file storage, dedupe window, replicas), or brings an
 * existing one to these settings where the server allows it. Safe to run from every replica at start-up.
 */
export async function ensureEventStream(jsm: JetStreamManager, s: EventStreamSettings): Promise<StreamInfo> {
  const wanted = {
    subjects: [`${s.subjectPrefix}.>`],
    duplicate_window: nanos(s.duplicateWindowMs),
    num_replicas: s.replicas,
  };
  const existing = await streamInfo(jsm, s.stream);
  if (existing === undefined) {
    try {
      return await jsm.streams.add({ name: s.stream, storage: StorageType.File, ...wanted });
    } catch (e) {
      // Another replica created it between our look and our add.
      const raced = await streamInfo(jsm, s.stream);
      if (raced === undefined) throw e;
      return raced;
    }
  }
  const c = existing.config;
  if (c.storage !== StorageType.File) {
    logger.warn(`Stream ${s.stream} uses ${c.storage} storage; a stream's storage cannot be changed in place`);
  }
  const differs =
    c.subjects?.join(',') !== wanted.subjects.join(',') ||
    c.duplicate_window !== wanted.duplicate_window ||
    c.num_replicas !== wanted.num_replicas;
  if (!differs) return existing;
  logger.log(`Updating stream ${s.stream} to the configured subjects, dedupe window and replicas`);
  return jsm.streams.update(s.stream, { ...c, ...wanted });
}

async function streamInfo(jsm: JetStreamManager, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (e) {
    if (e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound) return undefined;
    throw e;
  }
}
