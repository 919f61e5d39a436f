// Open-loop GETs at a fixed rate, as the referral-intake benchmark posts: requests leave on schedule whether or
// not earlier ones were answered, so a slow service shows as latency, not as a lower rate.
import http from 'node:http';
import { nowMs } from '../../referral-intake/lib/proc.js';

export class ReadLoad {
  /** @param {{ port: number, token: string, maxOutstanding: number }} target */
  constructor(target) {
    this.target = target;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  }

  /** GETs `pathFor(i)` at `rate` per second for `seconds`, then waits up to `drainMs` for the last answers. */
  async run(rate, seconds, pathFor, drainMs = 5000) {
    const r = { rate, sent: 0, ok: 0, non200: 0, errors: 0, skipped: 0, outstanding: 0, lat: [], samples: [] };
    const start = nowMs();
    const endAt = start + seconds * 1000;
    await new Promise((resolve) => {
      const tick = () => {
        const now = nowMs();
        const due = Math.floor(((Math.min(now, endAt) - start) * rate) / 1000);
        while (r.sent < due) {
          if (r.outstanding < this.target.maxOutstanding) this.get(pathFor(r.sent), r);
          else r.skipped++;
          r.sent++;
        }
        if (now >= endAt) return resolve();
        setTimeout(tick, 1);
      };
      tick();
    });
    r.loadSeconds = (nowMs() - start) / 1000;
    const drainEnd = nowMs() + drainMs;
    while (r.outstanding > 0 && nowMs() < drainEnd) await new Promise((res) => setTimeout(res, 10));
    r.unanswered = r.outstanding;
    return r;
  }

  get(path, r) {
    r.outstanding++;
    const t0 = nowMs();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: this.target.port,
        path,
        agent: this.agent,
        headers: { authorization: `Bearer ${this.target.token}` },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          r.outstanding--;
          if (res.statusCode === 200) {
            r.ok++;
            r.lat.push(nowMs() - t0);
          } else {
            r.non200++;
            if (r.samples.length < 3)
              r.samples.push(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`);
          }
        });
      },
    );
    req.on('error', (e) => {
      r.outstanding--;
      r.errors++;
      if (r.samples.length < 3) r.samples.push(e.message);
    });
    req.end();
  }

  close() {
    this.agent.destroy();
  }
}
