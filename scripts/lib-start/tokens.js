/**
 * Tokens from the development identity provider (libs/dev-identity), for `npm start`, `npm run token` and
 * `scripts/dev-issuer.js`: a person signs in on the provider's own page (driven as a browser would) and an
 * agency's system uses client credentials, so every token comes from the provider itself.
 */
import {
  DEV_SYSTEM_CLIENT_SECRET,
  discoverClient,
  signInAs,
  startDevIdentityProvider,
  tokenScriptClient,
} from '@baton/dev-identity';
import * as oidc from 'openid-client';

const DEMO_PEOPLE = ['hub-triager', 'school-dsl'];
const HOURS = 60 * 60;
export const TOKEN_LIFETIME = '8h';

/** Long enough for a walkthrough; retired keys stay published as long. */
export const DEVELOPMENT_LIFETIMES = {
  accessToken: 8 * HOURS,
  idToken: 8 * HOURS,
  clientCredentials: 8 * HOURS,
  refreshToken: 8 * HOURS,
  session: 8 * HOURS,
};

/** The development identity provider as the scripts run it. */
export function startDevelopmentProvider({ port, host, issuer }) {
  return startDevIdentityProvider({ port, host, issuer, lifetimes: DEVELOPMENT_LIFETIMES });
}

/** The access token of a person of the tenant files, signed in through the provider at issuer. */
export async function tokenForPerson(issuer, personId) {
  const client = tokenScriptClient();
  const { tokens } = await signInAs({
    issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: client.redirectUris[0],
    personId,
    scope: 'openid profile email',
  });
  return tokens.access_token;
}

/** The client credentials token of an agency's system (client id `<tenant>.<agency id>.system`). */
export async function tokenForAgencySystem(issuer, clientId) {
  const secret = process.env.DEV_SYSTEM_CLIENT_SECRET || DEV_SYSTEM_CLIENT_SECRET;
  const config = await discoverClient(issuer, clientId, secret);
  return (await oidc.clientCredentialsGrant(config)).access_token;
}

/**
 * Tokens for the demo people the provider lists.
 * @returns {Promise<{ person: { personId: string, name: string, agencyId: string, roles: string[] }, token: string }[]>}
 */
export async function demoTokens(provider) {
  const people = provider.people.filter((person) => DEMO_PEOPLE.includes(person.personId));
  return Promise.all(
    people.map(async (person) => ({ person, token: await tokenForPerson(provider.issuer, person.personId) })),
  );
}
