// Open-loop load generator: requests leave at a fixed rate whether or not earlier ones have been answered
// (as the floor's does), so a slow service shows up as latency and backlog instead of a politely lower rate.
import http from 'node:http';
import { nowMs } from './proc.js';

/** An invented referral; the child's family name is unique per request and identifies its event. */
export function referralBody(familyName) {
  return JSON.stringify({
    source: {
      kind: 'practitioner',
      agencyId: 'demo-oakfield-primary',
      name: 'Sam Teacher',
      role: 'DSL',
      email: 'sam.teacher@example.org',
    },
    sourceCode: '2A',
    family: {
      children: [{ givenName: 'Bench', familyName, dateOfBirth: '2016-04-12' }],
      carers: [{ givenName: 'Jo', familyName, relationship: 'mother' }],
    },
    concerns: { summary: 'Invented benchmark referral', categories: ['education'] },
    proposedLevelOfNeed: 3,
    consent: { status: 'given', sharingAgreed: true },
  });
}

export class LoadGenerator {
  /**
   * @param {{ port: number, path: string, token: string, maxOutstanding: number,
   *           onSend: (step: number, familyName: string, t0Ms: number) => void }} target
   */
  constructor(target) {
    this.target = target;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
    this.counter = 0;
  }

  /** Sends at `rate` per second for `seconds`; resolves when the last request has been sent (not answered). */
  async run(step, rate, seconds) {
    const r = { step, sent: 0, ok: 0, non201: 0, errors: 0, skipped: 0, outstanding: 0, httpLat: [], statuses: {} };
    r.samples = [];
    const start = nowMs();
    const endAt = start + seconds * 1000;
    await new Promise((resolve) => {
      const tick = () => {
        const now = nowMs();
        const due = Math.floor(((Math.min(now, endAt) - start) * rate) / 1000);
        while (r.sent < due) {
          r.sent++;
          if (r.outstanding < this.target.maxOutstanding) this.post(step, r);
          else r.skipped++;
        }
        if (now >= endAt) return resolve();
        setTimeout(tick, 1);
      };
      tick();
    });
    r.loadSeconds = (nowMs() - start) / 1000;
    return r;
  }

  post(step, r) {
    const familyName = `Child${step}x${++this.counter}`;
    const body = referralBody(familyName);
    r.outstanding++;
    const t0 = nowMs();
    this.target.onSend(step, familyName, t0);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: this.target.port,
        path: this.target.path,
        method: 'POST',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${this.target.token}`,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          r.outstanding--;
          r.statuses[res.statusCode] = (r.statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode === 201) {
            r.ok++;
            r.httpLat.push(nowMs() - t0);
          } else {
            r.non201++;
            if (r.samples.length < 3)
              r.samples.push(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`);
          }
        });
      },
    );
    req.on('error', (e) => {
      r.outstanding--;
      r.errors++;
      if (r.samples.length < 3) r.samples.push(e.message);
    });
    req.end(body);
  }

  close() {
    this.agent.destroy();
  }
}
