// The agencies' side: N real HTTP receivers on free ports, each recording when each event id arrived (monotonic ms).
import { createServer } from 'node:http';
import { nowMs } from '../../referral-intake/lib/proc.js';

export class Receivers {
  constructor() {
    this.servers = [];
    /** event id -> arrival times, one per endpoint that received it (a retry would add another). */
    this.arrivals = new Map();
    this.requests = 0;
    this.duplicates = 0;
  }

  async start(n) {
    for (let i = 0; i < n; i++) {
      const seen = new Set();
      const server = createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
          const at = nowMs();
          this.requests += 1;
          const messageId = req.headers['webhook-id'];
          if (seen.has(messageId)) this.duplicates += 1;
          seen.add(messageId);
          const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const list = this.arrivals.get(id) ?? [];
          list.push(at);
          this.arrivals.set(id, list);
          res.writeHead(204).end();
        });
      });
      server.keepAliveTimeout = 60_000;
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.servers.push(server);
    }
    return this.servers.map((s) => `http://127.0.0.1:${s.address().port}/events`);
  }

  received() {
    let n = 0;
    for (const list of this.arrivals.values()) n += list.length;
    return n;
  }

  async close() {
    for (const s of this.servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  }
}
