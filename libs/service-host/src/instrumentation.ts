/**
 * The first import of every service's `main.ts`: when the `OTEL_*` variables turn tracing on, Node's HTTP, fetch and
 * Postgres driver are instrumented before anything loads them. Nothing happens otherwise.
 */
import { instrumentLibraries, tracingRequested } from './tracing/tracing.js';

if (tracingRequested()) instrumentLibraries();
