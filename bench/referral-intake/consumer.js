// The benchmark's event consumer, a separate process (like the floor's) so that its work does not slow the
// load generator. It reads referral.received events from a durable pull consumer, acks each, and reports
// [child family name, monotonic ms at receipt] to the parent, which knows when each POST left.
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { nowMs } from './lib/proc.js';

const { BENCH_NATS_URL, BENCH_STREAM, BENCH_DURABLE } = process.env;

const nc = await connect({ servers: BENCH_NATS_URL, name: 'bench-referral-intake-consumer' });
const consumer = await jetstream(nc).consumers.get(BENCH_STREAM, BENCH_DURABLE);
const messages = await consumer.consume({ max_messages: 256 });
let batch = [];
let undecodable = 0;

const flush = setInterval(() => {
  if (batch.length) {
    process.send({ type: 'consumed', items: batch });
    batch = [];
  }
}, 20);

process.on('message', async (m) => {
  if (m !== 'stop') return;
  clearInterval(flush);
  if (batch.length) process.send({ type: 'consumed', items: batch });
  await messages.close();
  await nc.drain();
  process.send({ type: 'stopped', undecodable }, () => process.exit(0));
});

process.send({ type: 'ready' });
for await (const m of messages) {
  const t1 = nowMs();
  try {
    const name = m.json().data?.children?.[0]?.familyName;
    if (typeof name === 'string') batch.push([name, t1]);
    else undecodable++;
  } catch {
    undecodable++;
  }
  m.ack();
}
