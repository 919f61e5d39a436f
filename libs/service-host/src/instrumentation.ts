/**
 * The first import of every service's `main.ts`: when the `OTEL_*` variables turn tracing on, Node's HTTP, fetch and
 * Postgres driver are instrumented before anything loads them. Nothing happens otherwise.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { instrumentLibraries, tracingRequested } from './tracing/tracing.js';

if (tracingRequested()) {
  instrumentLibraries();
  // The HTTP instrumentation patches node:http and node:https as they are required; `import { request } from
  // 'node:http'` (the webhook channel) binds to the ES module's copy, which only this brings up to date.
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
  syncBuiltinESMExports();
}
