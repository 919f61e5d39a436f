// Baton's half of the benchmark: the referrals service under open-loop load, each referral timed from the
// moment its POST leaves until its referral.received event reaches a durable pull consumer.
import { fork } from 'node:child_process';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { LoadGenerator } from './load.js';
import { isSustained } from './options.js';
import {
  cpuPercentOfCore,
  cpuSnapshot,
  idleBaseline,
  machineCpu,
  machineCpuDelta,
  machineTag,
  memoryMiB,
  nowMs,
  sleep,
} from './proc.js';
import { BenchDatabase, ReferralsService, dropDatabase, startIssuer } from './service.js';
import { latencySummary, memorySummary } from './stats.js';

const CONSUMER_ENTRY = new URL('../consumer.js', import.meta.url);

export class IntakeRun {
  constructor({ opts, names, cleanup, log, logFile }) {
    Object.assign(this, { opts, names, cleanup, log, logFile });
    this.pending = new Map(); // family name -> { step, t0 }
    this.consumed = new Map(); // step -> { lat: number[], lastAt }
  }

  async setUp() {
    const { opts, names, cleanup } = this;
    const issuer = await startIssuer();
    cleanup.add('token issuer', () => issuer.close());
    this.nc = await connect({ servers: opts.natsUrl, name: 'bench-referral-intake' });
    cleanup.add('NATS connection', () => this.nc.close());
    this.jsm = await jetstreamManager(this.nc);
    cleanup.add(`stream ${names.stream}`, () => this.jsm.streams.delete(names.stream).catch(() => false));
    cleanup.add(`database ${names.database}`, () => dropDatabase(opts.pgUrl, names.database));
    this.service = new ReferralsService({
      names,
      pgUrl: opts.pgUrl,
      natsUrl: opts.natsUrl,
      issuer,
      logFile: this.logFile,
      entry: opts.serviceEntry,
      readyPath: opts.readyPath,
    });
    cleanup.add('referrals service', () => this.service.stop());
    await this.service.start();
    this.db = new BenchDatabase(opts.pgUrl, names.database);
    await this.db.connect();
    cleanup.add('database client', () => this.db.close());
    await this.jsm.consumers.add(names.stream, {
      durable_name: names.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${names.prefix}.demo.referral.received`,
      max_ack_pending: 1000,
      ack_wait: 30_000_000_000,
    });
    await this.startConsumer();
    this.gen = new LoadGenerator({
      port: this.service.port,
      path: '/v1/referrals',
      token: issuer.token,
      maxOutstanding: opts.maxOutstanding,
      onSend: (step, name, t0) => this.pending.set(name, { step, t0 }),
    });
    cleanup.add('HTTP agent', () => this.gen.close());
  }

  async startConsumer() {
    const env = { ...process.env, BENCH_NATS_URL: this.opts.natsUrl, BENCH_STREAM: this.names.stream };
    this.consumer = fork(CONSUMER_ENTRY, [], { env: { ...env, BENCH_DURABLE: this.names.durable }, stdio: 'inherit' });
    const exited = new Promise((resolve) => this.consumer.once('exit', resolve));
    this.cleanup.add('event consumer', async () => {
      if (this.consumer.exitCode !== null) return;
      this.consumer.send('stop');
      if ((await Promise.race([exited, sleep(5000).then(() => 'late')])) === 'late') this.consumer.kill('SIGKILL');
    });
    this.consumer.on('message', (m) => {
      if (m?.type === 'consumed') for (const [name, t1] of m.items) this.record(name, t1);
    });
    await new Promise((resolve, reject) => {
      this.consumer.on('message', (m) => m?.type === 'ready' && resolve());
      exited.then((code) => reject(new Error(`event consumer exited during start-up (${code})`)));
    });
  }

  record(name, t1) {
    const sent = this.pending.get(name);
    if (!sent) return; // a redelivery, or a straggler from a step already reported
    this.pending.delete(name);
    let s = this.consumed.get(sent.step);
    if (!s) this.consumed.set(sent.step, (s = { lat: [], lastAt: 0 }));
    s.lat.push(t1 - sent.t0);
    s.lastAt = Math.max(s.lastAt, t1);
  }

  get serviceAlive() {
    return this.service.child.exitCode === null && this.service.child.signalCode === null;
  }

  async warmUp() {
    const r = await this.gen.run(0, this.opts.warmupRate, this.opts.warmup);
    await this.drain(0, r, nowMs() + 10_000);
    this.forget(0);
    await sleep(1000);
    return { sent: r.sent, http_201: r.ok, statuses: r.statuses, error_samples: r.samples };
  }

  /** Waits for every response, then for the event of every accepted referral, until the deadline. */
  async drain(step, r, deadline) {
    while (r.outstanding > 0 && nowMs() < deadline) await sleep(20);
    while ((this.consumed.get(step)?.lat.length ?? 0) < r.ok && nowMs() < deadline) await sleep(20);
    await sleep(100); // the consumer's last batch is in flight over IPC
  }

  forget(step) {
    for (const [name, p] of this.pending) if (p.step === step) this.pending.delete(name);
  }

  async step(step, rate) {
    const { opts } = this;
    const baseline = await idleBaseline(1500);
    const pids = { service: this.service.pid, loadgen: process.pid, consumer: this.consumer.pid };
    const backends = await this.db.backendPids();
    const c0 = cpuSnapshot(pids, { postgres_bench_db: backends });
    const m0 = machineCpu();
    const memory = [memoryMiB(this.service.pid)];
    const sampler = setInterval(() => memory.push(memoryMiB(this.service.pid)), 250);
    const r = await this.gen.run(step, rate, opts.duration);
    const tLoadEnd = nowMs();
    const c1 = cpuSnapshot(pids, { postgres_bench_db: [...new Set([...backends, ...(await this.db.backendPids())])] });
    const m1 = machineCpu();
    const backlog = await this.backlog();
    await this.drain(step, r, tLoadEnd + opts.drainTimeoutMs);
    clearInterval(sampler);
    this.forget(step);
    return this.line(step, rate, r, { tLoadEnd, c0, c1, m0, m1, memory, backlog, baseline });
  }

  async backlog() {
    const ci = await this.jsm.consumers.info(this.names.stream, this.names.durable);
    const outbox = await this.db.unpublishedOutboxRows();
    return { outbox_unpublished: outbox, js_pending: ci.num_pending, js_ack_pending: ci.num_ack_pending };
  }

  line(step, rate, r, m) {
    const s = this.consumed.get(step) ?? { lat: [], lastAt: m.tLoadEnd };
    const drainMs = Math.max(0, s.lastAt - m.tLoadEnd);
    const errors = r.non201 + r.errors + r.skipped + r.outstanding;
    const line = {
      bench: 'referral-intake',
      target: 'baton-referrals',
      rate,
      duration_s: this.opts.duration,
      sent: r.sent,
      http_201: r.ok,
      http_non201: r.non201,
      http_errors: r.errors,
      gen_skipped: r.skipped,
      http_unanswered: r.outstanding,
      errors_total: errors,
      error_rate: +(errors / Math.max(1, r.sent)).toFixed(4),
      http_statuses: r.statuses,
      error_samples: r.samples,
      http_rps: Math.round(r.ok / r.loadSeconds),
      http_latency_ms: latencySummary(r.httpLat),
      e2e_completed: s.lat.length,
      e2e_missing: r.ok - s.lat.length,
      e2e_rps: Math.round(s.lat.length / (r.loadSeconds + drainMs / 1000)),
      e2e_latency_ms: latencySummary(s.lat),
      backlog_at_load_end: m.backlog,
      drain_ms: Math.round(drainMs),
      memory: memorySummary(m.memory),
      proc_cpu_pct_of_core: cpuPercentOfCore(m.c0, m.c1, r.loadSeconds),
      cpu: machineCpuDelta(m.m0, m.m1),
      baseline: m.baseline,
      ...machineTag(),
      ts: new Date().toISOString(),
    };
    line.sustained = isSustained(line, this.opts);
    return line;
  }
}
