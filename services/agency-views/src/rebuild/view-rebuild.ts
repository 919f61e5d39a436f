import { Logger } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { CloudEvent } from '@baton/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { isProjectedEvent } from '../domain/family-fold.js';
import { familyMergeOf } from '../domain/family-merge.js';
import { VIEW_CHANNEL, type ViewChangeMessage } from '../live/view-change-message.js';
import { familyOf, FamilyProjection, VIEW_SWAP_LOCK } from '../projection/family-projection.js';
import { FamilyViewStore, type EventToRecord } from '../view-store/family-view-store.js';
import { readRetainedOutbox } from './retained-outbox-reader.js';
import { createShadowTables, dropRebuildSchemas, SHADOW_SCHEMA, swapInShadowTables } from './shadow-schema.js';
import { readStream, type StreamedMessage } from './stream-reader.js';

/** Only one rebuild at a time, whichever process starts it. */
const REBUILD_LOCK = 726_361_002;
/** Families folded and written per statement batch while bulk-loading. */
const FOLD_CHUNK = 500;
/** Catch up outside the swap until this few events are left, so the swap holds the projection briefly. */
const SWAP_WHEN_BEHIND = 200;
/** The aggregates whose events the views are folded from; a trimmed stream's earlier ones come from outboxes. */
const PROJECTED_AGGREGATES = ['referral', 'plan', 'contract', 'order'];

export interface RebuildSources {
  stream: string;
  subjectPrefix: string;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Producers' databases whose retained outbox rows hold events no longer in the stream. */
  retainedOutboxUrls: string[];
}

export interface RebuildReport {
  streamFirstSeq: number;
  /** The stream position the rebuilt views reflected when they were swapped in. */
  swappedAtPosition: number;
  streamMessages: number;
  outboxEvents: number;
  projectedEvents: number;
  /** Messages of aggregates no view is folded from (access records, notifications...), passed over unread. */
  otherMessages: number;
  /** Messages that were not valid events: the live consumers dead-letter them too. */
  skippedMessages: number;
  families: number;
  /** Events applied one by one to catch up with the live views before and during the swap. */
  catchUpMessages: number;
  seconds: number;
  /** Stream messages and outbox events read per second, over the whole rebuild. */
  eventsPerSecond: number;
}

/**
 * Drops and rebuilds every view, online. The new views are built in a shadow schema while the live ones keep
 * serving and keep being projected; when the shadow has caught up it is swapped in, in one transaction that also
 * holds the projection still, so readers see the old views or the new, never a half-built one.
 */
export class ViewRebuild {
  private readonly logger = new Logger(ViewRebuild.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: FamilyProjection,
    private readonly store: FamilyViewStore,
  ) {}

  async run(sources: RebuildSources): Promise<RebuildReport> {
    const started = performance.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK]);
      if (!locked) throw new Error('Another rebuild of the agency views is running');
      try {
        return await this.rebuild(sources, started);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async rebuild(sources: RebuildSources, started: number): Promise<RebuildReport> {
    const { state } = await sources.jsm.streams.info(sources.stream);
    const trimmed = state.first_seq > 1;
    if (trimmed && sources.retainedOutboxUrls.length === 0) {
      throw new Error(
        `The stream ${sources.stream} starts at sequence ${state.first_seq}: earlier events are gone from it. ` +
          'Name the producers whose outboxes retain them (--outbox <database url>, one per producer).',
      );
    }
    await this.dataSource.transaction((m) => createShadowTables(m));
    const report = {
      streamFirstSeq: state.first_seq,
      streamMessages: 0,
      outboxEvents: 0,
      projectedEvents: 0,
      otherMessages: 0,
      skippedMessages: 0,
      families: 0,
      catchUpMessages: 0,
    };
    const families = new Map<string, Set<string>>();
    for (const url of trimmed ? sources.retainedOutboxUrls : []) {
      for await (const events of readRetainedOutbox(url, PROJECTED_AGGREGATES)) {
        report.outboxEvents += events.length;
        report.projectedEvents += await this.record(
          events.map((event) => ({ event, streamSeq: undefined })),
          families,
        );
      }
    }
    const bulkUntil = state.last_seq;
    const range = {
      stream: sources.stream,
      subjectPrefix: sources.subjectPrefix,
      from: state.first_seq,
      until: bulkUntil,
      aggregates: PROJECTED_AGGREGATES,
    };
    for await (const batch of readStream(sources.js, sources.jsm, range)) {
      report.streamMessages += batch.length;
      const events = batch.flatMap((m) => ('event' in m ? [{ event: m.event, streamSeq: m.seq }] : []));
      report.otherMessages += batch.filter((m) => 'other' in m).length;
      report.skippedMessages += batch.filter((m) => 'skipped' in m).length;
      report.projectedEvents += await this.record(events, families);
    }
    report.families = await this.foldAll(families);
    this.logger.log(`Bulk-loaded ${report.projectedEvents} events of ${report.families} families up to ${bulkUntil}`);
    let position = bulkUntil;
    for (;;) {
      const { state: now } = await sources.jsm.streams.info(sources.stream);
      if (now.last_seq - position <= SWAP_WHEN_BEHIND) break;
      report.catchUpMessages += await this.catchUp(sources, position + 1, now.last_seq);
      position = now.last_seq;
    }
    const swappedAtPosition = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [VIEW_SWAP_LOCK]);
      const { state: now } = await sources.jsm.streams.info(sources.stream);
      await m.query(`SET LOCAL search_path TO ${SHADOW_SCHEMA}, public`);
      report.catchUpMessages += await this.applyRange(m, sources, position + 1, now.last_seq);
      await m.query('SET LOCAL search_path TO public');
      await swapInShadowTables(m);
      const message: ViewChangeMessage = { position: now.last_seq, rebuilt: true };
      await m.query('SELECT pg_notify($1, $2)', [VIEW_CHANNEL, JSON.stringify(message)]);
      return now.last_seq;
    });
    await this.dataSource.transaction((m) => dropRebuildSchemas(m));
    const seconds = (performance.now() - started) / 1000;
    const read = report.streamMessages + report.outboxEvents + report.catchUpMessages;
    this.logger.log(`Rebuilt the views at position ${swappedAtPosition} in ${seconds.toFixed(1)} s`);
    return { ...report, swappedAtPosition, seconds, eventsPerSecond: Math.round(read / seconds) };
  }

  /**
   * Records a batch of events in the shadow tables; returns how many the views are folded from. Each is recorded
   * under the family it was merged into, and each `plan.concern-joined` merges the referral's family into the
   * plan's, as the live projection does — so a rebuild also merges a family split before merging was known.
   */
  private async record(
    events: { event: CloudEvent; streamSeq: number | undefined }[],
    families: Map<string, Set<string>>,
  ): Promise<number> {
    const named = events.flatMap(({ event, streamSeq }) => {
      const familyId = familyOf(event);
      return familyId !== undefined && isProjectedEvent(event.type) ? [{ event, familyId, streamSeq }] : [];
    });
    if (named.length === 0) return 0;
    await this.shadow(async (m) => {
      for (const [tenant, group] of byTenant(named)) {
        const resolved = await this.store.resolveFamilies(m, tenant, [...new Set(group.map((i) => i.familyId))]);
        const items: EventToRecord[] = group.map((i) => ({ ...i, familyId: resolved.get(i.familyId) ?? i.familyId }));
        await this.store.recordEvents(m, items);
        for (const item of items) {
          const merge = familyMergeOf(item.event);
          if (merge === undefined) continue;
          const from = (await this.store.resolveFamilies(m, tenant, [merge.from])).get(merge.from) ?? merge.from;
          if (from !== item.familyId) await this.store.mergeFamily(m, tenant, from, item.familyId);
        }
        const set = families.get(tenant) ?? new Set<string>();
        for (const item of items) set.add(item.familyId);
        families.set(tenant, set);
      }
    });
    return named.length;
  }

  /** Folds every family once, from all its events, a chunk per transaction; merged families fold as their target. */
  private async foldAll(families: Map<string, Set<string>>): Promise<number> {
    let count = 0;
    for (const [tenant, set] of families) {
      const resolved = await this.shadow((m) => this.store.resolveFamilies(m, tenant, [...set]));
      const ids = [...new Set(resolved.values())];
      for (let start = 0; start < ids.length; start += FOLD_CHUNK) {
        const chunk = ids.slice(start, start + FOLD_CHUNK);
        await this.shadow(async (m) => this.store.write(m, await this.store.fold(m, tenant, chunk)));
        count += chunk.length;
      }
    }
    return count;
  }

  private async catchUp(sources: RebuildSources, from: number, until: number): Promise<number> {
    return this.shadow((m) => this.applyRange(m, sources, from, until));
  }

  /** Applies stream messages one by one, as the live projection does, into whichever tables `m` points at. */
  private async applyRange(m: EntityManager, sources: RebuildSources, from: number, until: number): Promise<number> {
    let count = 0;
    const range = {
      stream: sources.stream,
      subjectPrefix: sources.subjectPrefix,
      from,
      until,
      aggregates: PROJECTED_AGGREGATES,
    };
    for await (const batch of readStream(sources.js, sources.jsm, range)) {
      for (const message of batch) await this.applyOne(m, message);
      count += batch.length;
    }
    return count;
  }

  private async applyOne(m: EntityManager, message: StreamedMessage): Promise<void> {
    if ('event' in message) await this.projection.apply(m, message.event, message.seq, { notify: false });
  }

  /** Runs `work` in a transaction whose unqualified table names are the shadow tables. */
  private shadow<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL search_path TO ${SHADOW_SCHEMA}, public`);
      return work(m);
    });
  }
}

function byTenant<T extends { event: CloudEvent }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.event.tenant) ?? [];
    group.push(item);
    groups.set(item.event.tenant, group);
  }
  return groups;
}
