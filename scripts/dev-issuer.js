#!/usr/bin/env node
/**
 * The development token issuer on its own: serves /.well-known/jwks.json for the keys in
 * .baton/dev-issuer (created on first use) and prints tokens for the demo people. docker compose
 * runs it as the `dev-issuer` container; `npm start` runs the same issuer in-process instead.
 *
 *   node scripts/dev-issuer.js
 *
 * DEV_ISSUER_PORT (3999) and DEV_ISSUER_HOST (127.0.0.1) say where it listens; AUTH_ISSUER
 * (http://127.0.0.1:3999) and AUTH_AUDIENCE (baton) are the iss and aud its tokens carry, and
 * must match what the services expect.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevIssuer } from '@baton/auth';
import { TOKEN_LIFETIME, demoTokens } from './lib-start/tokens.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.DEV_ISSUER_PORT ?? 3999);
const host = process.env.DEV_ISSUER_HOST ?? '127.0.0.1';
const issuerUrl = process.env.AUTH_ISSUER ?? 'http://127.0.0.1:3999';
const audience = process.env.AUTH_AUDIENCE ?? 'baton';
const keyDir = join(ROOT, '.baton', 'dev-issuer');

const issuer = await DevIssuer.loadOrCreate(keyDir, { issuer: issuerUrl, audience });
const server = await issuer.listen(port, host);
console.log(`Development token issuer: JWKS at ${server.url}/.well-known/jwks.json, iss ${issuerUrl}, aud ${audience}`);

const tenantDir = process.env.TENANT_CONFIG_DIR ?? join(ROOT, 'config', 'tenants');
for (const { person, token } of await demoTokens(issuer, tenantDir)) {
  console.log(`Token for ${person.personId} (${person.agencyId}; valid ${TOKEN_LIFETIME}):\n${token}`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
