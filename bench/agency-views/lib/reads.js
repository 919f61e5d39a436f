// Open-loop GETs at a fixed rate (requests leave on schedule whether or not earlier ones were answered), in a
// mix of one family's view and list pages with and without filters, each as one of the family's agencies.
import http from 'node:http';
import { nowMs } from '../../referral-intake/lib/proc.js';
import { latencySummary } from '../../referral-intake/lib/stats.js';

const FILTERS = ['overdueActions=true', 'reviewDueWithinDays=14', 'levelOfNeed=3', 'hasOrder=false'];

/** Picks the next request: 50 % a family's view, 30 % a list's first page, 20 % a filtered or searched list. */
export function requestMix(families, byAgency, rnd) {
  return () => {
    const family = families[Math.floor(rnd() * families.length)];
    const agency = family.agencies[Math.floor(rnd() * family.agencies.length)];
    const roll = rnd();
    if (roll < 0.5) return { kind: 'view', agency, path: `/v1/families/${family.familyId}`, familyId: family.familyId };
    if (roll < 0.8) return { kind: 'list', agency, path: '/v1/families?limit=25' };
    const mine = byAgency.get(agency);
    const other = mine[Math.floor(rnd() * mine.length)];
    const filter = [
      ...FILTERS,
      `name=${other.plan.children[0].familyName.slice(0, 4).toLowerCase()}`,
      `childDateOfBirth=${other.plan.children[0].dateOfBirth}`,
    ][Math.floor(rnd() * (FILTERS.length + 2))];
    return { kind: 'search', agency, path: `/v1/families?limit=25&${filter}` };
  };
}

export class ReadLoad {
  /** @param {{ port: number, tokens: Map<string, string> | null, maxOutstanding?: number }} target */
  constructor(target) {
    this.target = target;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  }

  /** Sends `next()` requests at `rate`/s for `seconds`; resolves once every request is answered (or timed out). */
  async run(rate, seconds, next) {
    const r = {
      rate,
      sent: 0,
      skipped: 0,
      outstanding: 0,
      statuses: {},
      errors: 0,
      samples: [],
      lat: {},
      bySecond: [],
    };
    const start = nowMs();
    const endAt = start + seconds * 1000;
    await new Promise((resolve) => {
      const tick = () => {
        const now = nowMs();
        const due = Math.floor(((Math.min(now, endAt) - start) * rate) / 1000);
        while (r.sent < due) {
          r.sent++;
          if (r.outstanding < (this.target.maxOutstanding ?? 2000))
            this.get(next(), r, Math.floor((now - start) / 1000));
          else r.skipped++;
        }
        if (now >= endAt) return resolve();
        setTimeout(tick, 1);
      };
      tick();
    });
    r.loadSeconds = (nowMs() - start) / 1000;
    const drainUntil = nowMs() + 10_000;
    while (r.outstanding > 0 && nowMs() < drainUntil) await new Promise((res) => setTimeout(res, 20));
    return this.summary(r);
  }

  get(request, r, second) {
    r.outstanding++;
    const t0 = nowMs();
    const headers = this.target.tokens ? { authorization: `Bearer ${this.target.tokens.get(request.agency)}` } : {};
    const path = this.target.tokens
      ? request.path
      : `${request.path}${request.path.includes('?') ? '&' : '?'}agency=${request.agency}`;
    const req = http.get({ host: '127.0.0.1', port: this.target.port, path, agent: this.agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        r.outstanding--;
        r.statuses[res.statusCode] = (r.statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 200) {
          const ms = nowMs() - t0;
          (r.lat[request.kind] ??= []).push(ms);
          (r.bySecond[second] ??= []).push(ms);
        } else if (r.samples.length < 3)
          r.samples.push(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`);
      });
    });
    req.on('error', (e) => {
      r.outstanding--;
      r.errors++;
      if (r.samples.length < 3) r.samples.push(e.message);
    });
  }

  summary(r) {
    const all = Object.values(r.lat).flat();
    const ok = all.length;
    return {
      rate: r.rate,
      sent: r.sent,
      ok,
      achieved_rps: +(ok / r.loadSeconds).toFixed(1),
      non200: r.sent - ok - r.errors - r.skipped - r.outstanding,
      errors: r.errors,
      skipped: r.skipped,
      unanswered: r.outstanding,
      statuses: r.statuses,
      samples: r.samples,
      // Each second's p99 (by when the request was sent): a steady service shows a flat line, a warming or
      // stalling one shows where its tail came from.
      p99_by_second_ms: Array.from(r.bySecond, (v) => (v ? latencySummary(v).p99 : null)),
      latency_ms: {
        all: latencySummary(all),
        ...Object.fromEntries(Object.entries(r.lat).map(([k, v]) => [k, latencySummary(v)])),
      },
    };
  }

  close() {
    this.agent.destroy();
  }
}
