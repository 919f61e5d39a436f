import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inTransaction } from '@baton/persistence';
import { answers, provisionTestInfra, type TestInfra } from '@baton/testing';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MessagingHealth } from '../health/messaging-health.js';
import { Outbox } from '../outbox/outbox.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { CreateHandled1700000000100, startConsumerApp } from '../test-support/consumer-app.fixture.js';
import { overdueEvent } from '../test-support/events.fixture.js';
import { openMessagingDatabase, waitFor } from '../test-support/harness.fixture.js';

/** A nats-server of this test's own, so stopping it disturbs no other test file. */
class PrivateNatsServer {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  static async create(): Promise<PrivateNatsServer> {
    return new PrivateNatsServer(await freePort(), await mkdtemp(path.join(tmpdir(), 'baton-nats-')));
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir];
    this.child = spawn('/usr/sbin/nats-server', args, { stdio: 'ignore' });
    await waitFor('the private nats-server to answer', () => answers(this.url, 200));
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async remove(): Promise<void> {
    await this.kill();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('broker outage', () => {
  let infra: TestInfra;
  let nats: PrivateNatsServer;
  let ds: DataSource;
  let app: INestMicroservice;

  beforeAll(async () => {
    infra = await provisionTestInfra('messaging outage');
    nats = await PrivateNatsServer.create();
    await nats.start();
    ds = await openMessagingDatabase(infra.databaseUrl, [CreateHandled1700000000100]);
    app = await startConsumerApp(ds, {
      service: 'tests',
      natsUrl: nats.url,
      stream: infra.streamName,
      subjectPrefix: infra.subjectPrefix,
      relay: { pollIntervalMs: 200, publishTimeoutMs: 1_000 },
      consumer: { maxDeliver: 3, backoffMs: [50, 100], ackWaitMs: 2_000 },
    });
  });

  afterAll(async () => {
    await app?.close();
    await nats?.remove();
    await ds?.destroy();
    await infra?.dispose();
  });

  const handledIds = async (): Promise<string[]> =>
    (await ds.query<{ event_id: string }[]>(`SELECT event_id FROM handled WHERE handler = 'overdue'`)).map(
      (r) => r.event_id,
    );

  it('delivers every event appended while NATS was down, once, after it comes back', async () => {
    const append = (n: number) => {
      const events = Array.from({ length: n }, () => overdueEvent());
      return inTransaction(ds, (m) => app.get(Outbox).append(m, events)).then(() => events.map((e) => e.id));
    };
    const before = await append(5);
    await waitFor('events before the outage to be handled', async () => (await handledIds()).length === 5);

    await nats.kill();
    await waitFor('the service to notice', async () => !(await app.get(MessagingHealth).status()).natsConnected);
    const during = await append(20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await app.get(OutboxRelay).pending()).toBe(20);

    await nats.start();
    await waitFor('every event to be handled', async () => (await handledIds()).length >= 25, 15_000);
    expect((await handledIds()).sort()).toEqual([...before, ...during].sort());
    expect(await app.get(OutboxRelay).pending()).toBe(0);
  });
});
