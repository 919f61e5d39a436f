#!/usr/bin/env node
/**
 * The development identity provider on its own (libs/dev-identity, an oidc-provider OpenID Provider):
 * discovery, JWKS, a sign-in page listing the tenant files' invented people, authorization code with
 * PKCE, refresh, logout and client credentials. Prints tokens for two demo people. docker compose runs
 * it as the `dev-issuer` container; `npm start` runs the same provider in-process instead.
 *
 *   node scripts/dev-issuer.js
 *   node scripts/dev-issuer.js --rotate-keys   rotate the keys in .baton/dev-identity; a running provider
 *                                              (npm start's or this one) takes the new key up at once
 *
 * DEV_ISSUER_PORT (3999) and DEV_ISSUER_HOST (127.0.0.1) say where it listens; AUTH_ISSUER
 * (http://127.0.0.1:3999) is the issuer its tokens carry and must match what the services expect.
 * Keys persist in .baton/dev-identity.
 */
import { rotateSigningKeys } from '@baton/dev-identity';
import { DEVELOPMENT_LIFETIMES, TOKEN_LIFETIME, demoTokens, startDevelopmentProvider } from './lib-start/tokens.js';

if (process.argv.includes('--rotate-keys')) {
  const { kid } = await rotateSigningKeys(undefined, DEVELOPMENT_LIFETIMES);
  console.log(`New signing key ${kid}; the previous one stays published until its tokens expire (${TOKEN_LIFETIME}).`);
  process.exit(0);
}

const port = Number(process.env.DEV_ISSUER_PORT ?? 3999);
const host = process.env.DEV_ISSUER_HOST ?? '127.0.0.1';
const issuer = process.env.AUTH_ISSUER ?? `http://127.0.0.1:${port}`;

const provider = await startDevelopmentProvider({ port, host, issuer });
console.log(`Development identity provider on ${provider.url}, issuer ${provider.issuer}`);

try {
  for (const { person, token } of await demoTokens(provider)) {
    console.log(`Token for ${person.personId} (${person.agencyId}; valid ${TOKEN_LIFETIME}):\n${token}`);
  }
} catch (error) {
  console.warn(`No demo tokens: signing in at ${provider.issuer} failed (${error.message})`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void provider.close().then(() => process.exit(0)));
}
