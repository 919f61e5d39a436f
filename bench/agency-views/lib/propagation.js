// Propagation: a lead professional changes (a `plan.lead-changed` event committed to the stream) and every member
// agency's open screen hears its view updated, over the service's Server-Sent Events stream, one per agency.
import http from 'node:http';
import { nowMs, sleep } from '../../referral-intake/lib/proc.js';
import { latencySummary } from '../../referral-intake/lib/stats.js';
import { leadChanged } from './families.js';

/** One agency's live stream: calls `onChanged(familyId, position, receivedAtMs)` for each `family-changed`. */
function openStream(port, token, onChanged) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/v1/families/changes', headers: { authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          const at = nowMs();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.includes('event: family-changed')) continue;
            const data = JSON.parse(block.slice(block.indexOf('data: ') + 6).split('\n')[0]);
            onChanged(data.familyId, data.position, at);
          }
        });
        resolve(() => req.destroy());
      },
    );
    req.on('error', reject);
  });
}

export class Propagation {
  constructor({ port, tokens, js, prefix }) {
    Object.assign(this, { port, tokens, js, prefix });
    this.pending = new Map();
    this.closers = [];
  }

  async open() {
    for (const [agency, token] of this.tokens) {
      this.closers.push(
        await openStream(this.port, token, (familyId, position, at) => this.heard(agency, familyId, position, at)),
      );
    }
  }

  heard(agency, familyId, position, at) {
    const change = this.pending.get(familyId);
    // Families are distinct within a run, so any change heard for one after its t0 is this one.
    if (!change || (change.seq !== Infinity && position < change.seq) || !change.waiting.has(agency)) return;
    change.waiting.delete(agency);
    change.last = at;
    if (change.waiting.size === 0) {
      this.pending.delete(familyId);
      this.done.push(change.last - change.t0);
    }
  }

  /** Publishes lead changes at `rate`/s for `seconds` over distinct families; measures t0 → last member heard. */
  async run(rate, seconds, families) {
    this.done = [];
    const total = Math.floor(rate * seconds);
    const start = nowMs();
    let published = 0;
    let failed = 0;
    const publishes = [];
    for (let i = 0; i < total; i += 1) {
      const due = start + (i * 1000) / rate;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      const family = families[i % families.length];
      const event = leadChanged(family, new Date().toISOString());
      const change = { t0: nowMs(), seq: Infinity, waiting: new Set(family.agencies), last: 0 };
      this.pending.set(family.familyId, change);
      publishes.push(
        this.js
          .publish(`${this.prefix}.demo.plan.lead-changed`, JSON.stringify(event), { msgID: event.id })
          .then((ack) => {
            change.seq = ack.seq;
            published += 1;
          })
          .catch(() => (failed += 1)),
      );
    }
    await Promise.all(publishes);
    const deadline = nowMs() + 10_000;
    while (this.pending.size > 0 && nowMs() < deadline) await sleep(20);
    return {
      rate,
      changes: total,
      published,
      failed,
      all_members_heard: this.done.length,
      missing: this.pending.size,
      latency_ms: latencySummary(this.done),
    };
  }

  close() {
    this.closers.forEach((close) => close());
  }
}
