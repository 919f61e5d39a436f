// Container health check: the service answers 200 on /health/ready (database, NATS, consumers).
import { readFileSync } from 'node:fs';

const service = process.env.BATON_SERVICE;
const port = process.env.PORT || JSON.parse(readFileSync(`services/${service}/package.json`, 'utf8')).baton.port;
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.status === 200 ? 0 : 1),
  () => process.exit(1),
);
