#!/usr/bin/env node
// Web benchmark: the pages people use most (triage queue, My work, a family, a plan) rendered by the web service
// at a fixed rate over a system seeded with 10,000 families, each page beside the same API calls made directly
// with the same person's token in the same run (the floor). Prints p50/p99 per page and PASS/FAIL.
// Usage: node bench/web/run.js --help
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Cleanup } from '../referral-intake/lib/cleanup.js';
import { idleBaseline, machineTag, memoryMiB } from '../referral-intake/lib/proc.js';
import {
  dropDatabase,
  ensureDatabase,
  freePort,
  REPO_ROOT,
  ReferralsService as ServiceProcess,
} from '../referral-intake/lib/service.js';
import { openLoop } from './lib/load.js';
import { seed, waitForViews } from './lib/seed.js';

const USAGE = `node bench/web/run.js [options]   (needs npm run build, Postgres and NATS on loopback)
  --families N     families seeded, each with an open plan (default 10000)
  --rate R         pages per second, per page (default 20)      --seconds S   seconds per page (default 30)
  --warmup S       unreported warm-up seconds per page (default 5)
  --max-p99 MS     the target: every page's p99 at most this (default 150)
  --skip-floor     do not make the direct API calls
  --out FILE       results file (default bench/results/web-<timestamp>.json)`;

const { values: o } = parseArgs({
  options: {
    families: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'max-p99': { type: 'string', default: '150' },
    'skip-floor': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (o.help) {
  console.log(USAGE);
  process.exit(0);
}
const opts = {
  families: Number(o.families),
  rate: Number(o.rate),
  seconds: Number(o.seconds),
  warmup: Number(o.warmup),
  maxP99: Number(o['max-p99']),
  pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
  natsUrl: process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222',
};
const log = (...a) => console.log(...a);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = `${REPO_ROOT}bench/results`;
mkdirSync(resultsDir, { recursive: true });
const id = randomBytes(4).toString('hex');
const names = { stream: `BENCH_W_${id.toUpperCase()}`, prefix: `benchw${id}` };
const SERVICES = ['referrals', 'taf', 'notifications', 'agency-views'];
const cleanup = new Cleanup(log);
process.once('SIGINT', () => cleanup.run().finally(() => process.exit(130)));

/** Invented people of the demo tenant (config/tenants/demo.json). */
const HUB = { personId: 'hub-triager', name: 'Tamsin Quillfeather', agencyId: 'demo-early-help-hub' };
const SCHOOL = { personId: 'school-dsl', name: 'Priya Lanternby', agencyId: 'demo-oakfield-primary' };

async function devIdentity() {
  return import(pathToFileURL(`${REPO_ROOT}libs/dev-identity/dist/index.js`).href);
}

async function startSystem(webPort) {
  const identity = await devIdentity();
  const keys = mkdtempSync(join(tmpdir(), 'baton-bench-web-keys-'));
  cleanup.add('keys', () => rmSync(keys, { recursive: true, force: true }));
  const webUrl = `http://127.0.0.1:${webPort}`;
  const provider = await identity.startDevIdentityProvider({
    port: 0,
    keysDirectory: keys,
    signInClients: [identity.batonWebClient({ baseUrl: webUrl })],
  });
  cleanup.add('provider', () => provider.close());
  const issuer = { issuer: provider.issuer, jwksUrl: `${provider.url}/.well-known/jwks.json` };
  const urls = {};
  const processes = {};
  const start = async (service, entry, env = {}, port) => {
    const database = `bench_web_${service.replace('-', '_')}_${id}`;
    await ensureDatabase(opts.pgUrl, database);
    cleanup.add(`${service} database`, () => dropDatabase(opts.pgUrl, database));
    const proc = new ServiceProcess({
      names: { ...names, database },
      pgUrl: opts.pgUrl,
      natsUrl: opts.natsUrl,
      issuer,
      logFile: `${resultsDir}/web-${stamp}.${service}.log`,
      entry,
      readyPath: '/health/ready',
      env: { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', ...env },
    });
    if (port) proc.port = port;
    await proc.start(240_000);
    cleanup.add(service, () => proc.stop());
    processes[service] = proc;
    urls[service] = `http://127.0.0.1:${proc.port}`;
  };
  await Promise.all(SERVICES.map((s) => start(s, `${REPO_ROOT}services/${s}/dist/main.js`)));
  await start(
    'web',
    `${REPO_ROOT}services/web/dist/main.js`,
    {
      WEB_BASE_URL: webUrl,
      REFERRALS_URL: urls.referrals,
      TAF_URL: urls.taf,
      NOTIFICATIONS_URL: urls.notifications,
      AGENCY_VIEWS_URL: urls['agency-views'],
    },
    webPort,
  );
  return { identity, provider, urls, processes, webUrl };
}

/** The person signed in on the provider's own page through the web, as a browser would: the web's session cookie. */
async function webSession(identity, provider, webUrl, personId) {
  const browser = new identity.ScriptedBrowser();
  const callbackUri = `${webUrl}/auth/callback`;
  const signInPage = await browser.followUntilPage(`${webUrl}/sign-in?returnTo=%2F`, callbackUri);
  const form = /<form method="post" action="([^"]+\/login)"/.exec(signInPage.body);
  if (!form) throw new Error(`no sign-in form at ${signInPage.url}`);
  const callback = await browser.followUntilRedirect(
    new URL(form[1].replace(/&#38;/g, '&'), signInPage.url).href,
    callbackUri,
    new URLSearchParams({ [identity.SIGN_IN_FORM.personField]: personId }),
  );
  await browser.followUntilPage(callback, `${webUrl}/never`);
  if (!browser.cookieHeader().includes('baton_session=')) throw new Error('the web kept no session');
  return browser.cookieHeader();
}

async function tokenFor(identity, provider, webUrl, personId) {
  const { tokens } = await identity.signInAs({
    issuer: provider.issuer,
    clientId: 'baton-web',
    clientSecret: 'baton-web-development-secret',
    redirectUri: `${webUrl}/auth/callback`,
    personId,
  });
  return tokens.access_token;
}

/** GETs a page of the web as the signed-in person; right when it answers 200 with the page's own heading. */
function pageGetter(webUrl, cookie) {
  return async (path, expected) => {
    const response = await fetch(`${webUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
    const html = await response.text();
    return response.status === 200 && html.includes(expected);
  };
}

/** The same API calls a page makes, in the same order and concurrency, straight to the services. */
function floorCalls(urls, token) {
  const get = async (base, path) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return body;
  };
  // Every page's header reads the unread count first (the layout), then the page its own data.
  const unread = () => get(urls.notifications, '/v1/inbox/unread-count');
  return {
    triage: async () => {
      await unread();
      await Promise.all([
        get(urls.referrals, '/v1/triage/queue?status=received&limit=100'),
        get(urls.referrals, '/v1/reference'),
      ]);
      return true;
    },
    'my-work': async () => {
      await unread();
      await Promise.all([
        get(urls.taf, '/v1/plans?status=open&limit=100'),
        get(urls['agency-views'], '/v1/families?limit=100').then((page) =>
          Promise.all(
            page.items
              .filter((f) => f.openActions > 0)
              .sort((a, b) => b.overdueActions - a.overdueActions)
              .slice(0, 10)
              .map((f) => get(urls['agency-views'], `/v1/families/${f.familyId}`)),
          ),
        ),
        get(urls.notifications, '/v1/inbox?limit=100'),
      ]);
      return true;
    },
    family: async (familyId) => {
      await unread();
      await get(urls['agency-views'], `/v1/families/${familyId}`);
      return true;
    },
    plan: async (planId) => {
      await unread();
      await get(urls.taf, `/v1/plans/${planId}`);
      return true;
    },
  };
}

async function main() {
  const results = { options: opts, machine: machineTag(), started: new Date().toISOString() };
  const nc = await connect({ servers: opts.natsUrl });
  cleanup.add('nats', () => nc.close());
  const jsm = await jetstreamManager(nc);
  cleanup.add('stream', () => jsm.streams.delete(names.stream).catch(() => undefined));

  log('Starting referrals, taf, notifications, agency-views, the web and the development OpenID Provider');
  const webPort = await freePort();
  const system = await startSystem(webPort);
  const { identity, provider, urls, webUrl } = system;
  const hubToken = await tokenFor(identity, provider, webUrl, HUB.personId);
  const schoolToken = await tokenFor(identity, provider, webUrl, SCHOOL.personId);

  log(`Seeding ${opts.families} families (a plan each) through taf, 20 with actions, 100 referrals to triage`);
  const hub = { ...HUB, role: 'Early help practitioner', email: 'hub@example.org' };
  const seeded = await seed({
    urls,
    leadToken: hubToken,
    lead: hub,
    referrerToken: schoolToken,
    referrer: SCHOOL,
    families: opts.families,
    withActions: 20,
    referrals: 100,
    log,
  });
  await waitForViews(urls, hubToken, seeded.plans[0].familyId, seeded.lastEvents);
  results.seed = { families: opts.families, seconds: seeded.seconds };
  log(`Seeded in ${seeded.seconds} s; the agency views have caught up`);

  const cookie = await webSession(identity, provider, webUrl, HUB.personId);
  const page = pageGetter(webUrl, cookie);
  const floor = floorCalls(urls, hubToken);
  const pick = (i) => seeded.plans[(i * 7919) % seeded.plans.length];
  const pages = {
    triage: { web: () => page('/triage', 'Triage queue'), floor: () => floor.triage() },
    'my-work': { web: () => page('/my-work', 'Plans I lead'), floor: () => floor['my-work']() },
    family: {
      web: (i) => page(`/families/${pick(i).familyId}`, 'data-testid="lead-professional"'),
      floor: (i) => floor.family(pick(i).familyId),
    },
    plan: { web: (i) => page(`/plans/${pick(i).id}`, 'Plan sections'), floor: (i) => floor.plan(pick(i).id) },
  };
  results.idle_baseline = await idleBaseline(2000);
  results.pages = {};
  const webPid = system.processes.web.pid;
  for (const [name, p] of Object.entries(pages)) {
    log(`\n${name}: warm-up ${opts.warmup} s, then ${opts.rate}/s for ${opts.seconds} s, web then direct API calls`);
    await openLoop(opts.rate, opts.warmup, p.web);
    const web = await openLoop(opts.rate, opts.seconds, p.web);
    web.memory_mib = memoryMiB(webPid);
    const direct = o['skip-floor'] ? undefined : await openLoop(opts.rate, opts.seconds, p.floor);
    results.pages[name] = { web, direct };
    log(`  web    ${JSON.stringify(web)}`);
    if (direct) log(`  direct ${JSON.stringify(direct)}`);
  }

  const rows = Object.entries(results.pages).map(([name, { web, direct }]) => {
    const pass = web.errors === 0 && web.p99_ms !== null && web.p99_ms <= opts.maxP99;
    return { name, web, direct, pass };
  });
  log(`\n| page | web p50 / p99 ms | direct API p50 / p99 ms | web RSS MiB | errors | p99 <= ${opts.maxP99} ms |`);
  log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const direct = r.direct ? `${r.direct.p50_ms} / ${r.direct.p99_ms}` : '-';
    const rss = r.web.memory_mib?.rss ?? JSON.stringify(r.web.memory_mib);
    log(
      `| ${r.name} | ${r.web.p50_ms} / ${r.web.p99_ms} | ${direct} | ${rss} | ${r.web.errors} | ${r.pass ? 'PASS' : 'FAIL'} |`,
    );
  }
  results.pass = rows.every((r) => r.pass);
  const out = o.out ?? `${resultsDir}/web-${stamp}.json`;
  writeFileSync(out, JSON.stringify(results, null, 2));
  log(`\n${results.pass ? 'PASS' : 'FAIL'}: every page's p99 at most ${opts.maxP99} ms at ${opts.rate}/s (${out})`);
  return results.pass;
}

main().then(
  (pass) => cleanup.run().then(() => process.exit(pass ? 0 : 1)),
  (error) => {
    console.error(error);
    return cleanup.run().then(() => process.exit(2));
  },
);
