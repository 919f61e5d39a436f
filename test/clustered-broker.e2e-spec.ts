import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { SettableClock } from '@baton/calendar';
import { PlanEvents, ReferralEvents } from '@baton/contracts';
import { startTestService, type TestService } from '@baton/service-host';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { ReferralsModule } from '../services/referrals/src/app.module.js';
import { ReferralsConfig } from '../services/referrals/src/config/referrals.config.js';
import { schoolReferral, tokenFor } from '../services/referrals/src/testing/referral-fixtures.js';
import { TafModule } from '../services/taf/src/app.module.js';
import { TafConfig } from '../services/taf/src/config/taf.config.js';
import { NatsCluster } from './support/nats-cluster.js';

// Friday 20 November 2026, 10:00 in London.
const FRIDAY_MORNING = new Date('2026-11-20T10:00:00Z');
const REFERRALS = 36;
const AT_ONCE = 4;
/** The stream leader is killed when this many referrals have been decided, with the rest still to come. */
const KILL_AFTER = 12;
const GIVEN_NAMES = ['Alfie', 'Bea', 'Cal', 'Dara', 'Evie', 'Finn', 'Gus', 'Hana', 'Ines'];

interface StoredEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

async function eventually<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (e) {
      // The cluster may be electing a leader; ask again.
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms (last error: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('on a three-node JetStream cluster, killing the stream leader mid-load loses and doubles nothing', () => {
  let cluster: NatsCluster;
  let infra: TestInfra;
  let referrals: TestService<ReferralsConfig>;
  let taf: TestService<TafConfig>;
  let tafDatabase: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    cluster = await NatsCluster.start(3);
    // The test's own databases on the shared Postgres; its stream on the cluster, named in full in NATS_URL.
    infra = { ...(await provisionTestInfra('e2e-clustered-broker')), natsUrl: cluster.url };
    tafDatabase = await infra.createDatabase('taf');
    const env = { NATS_STREAM_REPLICAS: '3' };
    const clock = new SettableClock(FRIDAY_MORNING);
    referrals = await startTestService({
      service: 'referrals',
      config: ReferralsConfig,
      infra,
      env: { ...env, DEADLINE_SCAN_INTERVAL_MS: '3600000' },
      module: ({ config, tenants }) => ReferralsModule.register({ config, tenants, clock }),
    });
    taf = await startTestService({
      service: 'taf',
      config: TafConfig,
      infra: { ...infra, databaseUrl: tafDatabase },
      env: { ...env, OVERDUE_SCAN_INTERVAL_MS: '3600000' },
      module: ({ config, tenants }) => TafModule.register({ config, tenants, clock }),
    });
    nc = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    jsm = await jetstreamManager(nc, { timeout: 3_000 });
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await taf?.close();
    await referrals?.close();
    await cluster?.stop();
    await infra?.dispose();
  }, 60_000);

  async function toReferrals(path: string, body: unknown, person: 'schoolDsl' | 'hubTriager', ifMatch?: string) {
    const response = await fetch(`${referrals.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(referrals.issuer, person)}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return { etag: response.headers.get('etag') ?? '', body: JSON.parse(text) as { id: string } };
  }

  /** A school refers an invented child (each a different one) and the hub accepts the referral for early help. */
  async function referAndAccept(i: number): Promise<string> {
    const child = {
      givenName: GIVEN_NAMES[i % GIVEN_NAMES.length],
      familyName: 'Clusterfield',
      dateOfBirth: `2015-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    };
    const referral = await toReferrals(
      '/v1/referrals',
      schoolReferral({ family: { children: [child], carers: [] } }),
      'schoolDsl',
    );
    await toReferrals(
      `/v1/referrals/${referral.body.id}/decision`,
      {
        outcome: 'accept-early-help',
        levelOfNeed: 3,
        reasons: 'A TAF is needed.',
        allocatedTeamId: 'demo-hub-family-support',
      },
      'hubTriager',
      referral.etag,
    );
    return referral.body.id;
  }

  /** Every event on the stream, read back from the cluster in stream order. */
  async function storedEvents(): Promise<StoredEvent[]> {
    const { state } = await jsm.streams.info(infra.streamName);
    const events: StoredEvent[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(infra.streamName, { seq });
      if (message === null) throw new Error(`message ${seq} of the stream is missing`);
      events.push(message.json<StoredEvent>());
    }
    return events;
  }

  it('takes every referral through referrals and taf exactly once while the leader dies and comes back', async () => {
    const created = await jsm.streams.info(infra.streamName);
    expect(created.config.num_replicas).toBe(3);
    expect(created.cluster?.replicas).toHaveLength(2);

    const referralIds: string[] = [];
    let killed: Promise<string> | undefined;
    let next = 0;
    const worker = async () => {
      while (next < REFERRALS) {
        referralIds.push(await referAndAccept(next++));
        if (referralIds.length === KILL_AFTER) {
          killed = (async () => {
            const leader = (await jsm.streams.info(infra.streamName)).cluster?.leader;
            if (leader === undefined) throw new Error('the stream has no leader');
            await cluster.kill(leader);
            return leader;
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    const leader = await killed!;
    expect(cluster.names).toContain(leader);

    // A new leader took over on the two nodes left.
    const after = await eventually('a new stream leader', 30_000, async () => {
      const info = await jsm.streams.info(infra.streamName);
      return info.cluster?.leader !== undefined && info.cluster.leader !== leader ? info : undefined;
    });
    expect(after.cluster?.leader).not.toBe(leader);

    // Every referral's decision reached taf and opened its plan.
    const events = await eventually(`${REFERRALS} plans opened`, 90_000, async () => {
      const all = await storedEvents();
      return all.filter((e) => e.type === PlanEvents.opened.type).length >= REFERRALS ? all : undefined;
    });
    const countBy = (type: string, key: (e: StoredEvent) => unknown) => {
      const counts = new Map<unknown, number>();
      for (const e of events.filter((x) => x.type === type)) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
      return counts;
    };
    const once = new Map(referralIds.map((id) => [id, 1]));
    // The relays' retries across the failover were deduplicated by event id: each event is on the stream once.
    expect(countBy(ReferralEvents.received.type, (e) => e.subject)).toEqual(once);
    expect(countBy(ReferralEvents.decided.type, (e) => e.subject)).toEqual(once);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // taf consumed each decision once: one plan per referral, opened once.
    expect(countBy(PlanEvents.opened.type, (e) => e.data.referralId)).toEqual(once);

    const db = new pg.Client({ connectionString: tafDatabase });
    await db.connect();
    try {
      const { rows } = await db.query<{ referral_id: string }>('SELECT referral_id FROM plan_referral');
      expect(rows.map((r) => r.referral_id).sort()).toEqual([...referralIds].sort());
      const consumed = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM inbox WHERE event_id = ANY($1::uuid[])',
        [events.filter((e) => e.type === ReferralEvents.decided.type).map((e) => e.id)],
      );
      expect(Number(consumed.rows[0].n)).toBe(REFERRALS);
    } finally {
      await db.end();
    }

    // Nothing is left unacknowledged on the consumers.
    await eventually('every consumer to have acknowledged everything', 30_000, async () => {
      const consumers = await jsm.consumers.list(infra.streamName).next();
      return consumers.length > 0 && consumers.every((c) => c.num_pending === 0 && c.num_ack_pending === 0)
        ? true
        : undefined;
    });

    // The killed node comes back on its own store and catches up with what it missed.
    await cluster.restart(leader);
    await eventually(`${leader} to rejoin as a current replica`, 60_000, async () => {
      const info = await jsm.streams.info(infra.streamName);
      const members = [
        info.cluster?.leader,
        ...(info.cluster?.replicas ?? []).filter((r) => r.current).map((r) => r.name),
      ];
      return members.includes(leader) && members.length === 3 ? true : undefined;
    });
  }, 240_000);
});
