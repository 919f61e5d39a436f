// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types; this declares what Baton uses
/// <reference path="./oidc-provider.d.ts" />
import { errors } from 'oidc-provider';
import type { Account, ClientMetadata, IssuedToken, KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import type { DevPerson, SystemClient } from './people.js';
import type { SignInClient } from './sign-in-client.js';
import { escapeHtml, page } from './sign-in-page.js';
import { SIGNING_ALGORITHM } from './signing-keys.js';

/** Who an access token is for: a person who signed in, or an agency's system using client credentials. */
export type TokenSubject = { kind: 'person'; person: DevPerson } | { kind: 'system'; client: SystemClient };

/** The claims (beyond iss, sub, aud, exp, iat, jti, client_id, scope) an access token carries for its subject. */
export type AccessTokenClaims = (subject: TokenSubject) => Record<string, unknown>;

/** Baton's default claim names: what the services read when no claim mapping is configured. */
export const batonClaims: AccessTokenClaims = (subject) => {
  if (subject.kind === 'system') {
    const { client } = subject;
    return { name: client.name, agency_id: client.agencyId, tenant: client.tenant, roles: [...client.roles] };
  }
  const { person } = subject;
  return {
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    agency_id: person.agencyId,
    tenant: person.tenant,
    roles: [...person.roles],
  };
};

export interface TokenLifetimes {
  /** Access tokens of people (seconds). */
  accessToken: number;
  clientCredentials: number;
  idToken: number;
  refreshToken: number;
  session: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessToken: 60 * 60,
  clientCredentials: 10 * 60,
  idToken: 60 * 60,
  refreshToken: 8 * 60 * 60,
  session: 8 * 60 * 60,
};

/** The longest any token signed by a key can be valid: how long a retired key stays published. */
export function longestSignedLifetime(lifetimes: TokenLifetimes): number {
  return Math.max(lifetimes.accessToken, lifetimes.clientCredentials, lifetimes.idToken);
}

export interface ProviderSettings {
  audience: string;
  people: ReadonlyMap<string, DevPerson>;
  signInClients: SignInClient[];
  systemClients: ReadonlyMap<string, SystemClient>;
  jwks: JWK[];
  signingKid: string;
  cookieKeys: string[];
  lifetimes: TokenLifetimes;
  accessTokenClaims: AccessTokenClaims;
  /** Where sessions, grants and tokens are kept: in memory, kept across key rotations, gone on restart. */
  adapter: (model: string) => unknown;
}

export const JWKS_ROUTE = '/.well-known/jwks.json';

/**
 * The resource indicator (RFC 8707) of Baton's APIs: an absolute URI as the RFC requires, `urn:baton` for the
 * audience `baton`. Clients need not send it: it is every token request's default.
 */
export function resourceIndicatorFor(audience: string): string {
  return URL.canParse(audience) ? audience : `urn:${audience}`;
}
const SIGN_IN_SCOPES = 'openid profile email offline_access';

function clientMetadata(settings: ProviderSettings): ClientMetadata[] {
  const signIn = settings.signInClients.map((client) => ({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: client.clientName,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    scope: SIGN_IN_SCOPES,
  }));
  const systems = [...settings.systemClients.values()].map((client) => ({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: client.name,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  }));
  return [...signIn, ...systems];
}

/**
 * oidc-provider's configuration for Baton's development identity provider. The package does the protocol;
 * this says which clients exist, who the accounts are, what an access token for Baton carries and which
 * pages people see.
 */
export function providerConfiguration(settings: ProviderSettings): Record<string, unknown> {
  const { audience, people, systemClients, lifetimes } = settings;
  const resource = resourceIndicatorFor(audience);
  const findAccount = (_ctx: unknown, sub: string): Account | undefined => {
    const person = people.get(sub);
    if (!person) return undefined;
    return {
      accountId: sub,
      claims: () => ({ sub, ...batonClaims({ kind: 'person', person }), email_verified: true }),
    };
  };
  return {
    adapter: settings.adapter,
    clients: clientMetadata(settings),
    jwks: { keys: settings.jwks },
    cookies: { keys: settings.cookieKeys },
    findAccount,
    claims: {
      openid: ['sub'],
      profile: ['name', 'agency_id', 'tenant', 'roles'],
      email: ['email', 'email_verified'],
    },
    // ID tokens carry the profile, so the web service can greet the person without another request.
    conformIdTokenClaims: false,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    routes: { jwks: JWKS_ROUTE },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Every client of this provider is Baton's own or an agency's registered system: nobody is asked to consent.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, result, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      const grant = existing ?? new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(client.scope ?? SIGN_IN_SCOPES);
      grant.addResourceScope(resource, '');
      await grant.save();
      return grant;
    },
    // A web session refreshes its access token for as long as the session lasts, without asking for consent.
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: (_ctx: unknown, token: IssuedToken) => {
      if (token.accountId !== undefined) {
        const person = people.get(token.accountId);
        return person ? settings.accessTokenClaims({ kind: 'person', person }) : undefined;
      }
      const client = token.clientId === undefined ? undefined : systemClients.get(token.clientId);
      return client ? settings.accessTokenClaims({ kind: 'system', client }) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resourceIndicator: string) => {
          if (resourceIndicator !== resource) throw new errors.InvalidTarget(`only ${resource} is served`);
          return {
            scope: '',
            audience,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALGORITHM, kid: settings.signingKid } },
          };
        },
      },
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: (_ctx: unknown, token: { resourceServer?: unknown; clientId?: string }) =>
        token.clientId !== undefined && systemClients.has(token.clientId)
          ? lifetimes.clientCredentials
          : lifetimes.accessToken,
      ClientCredentials: lifetimes.clientCredentials,
      IdToken: lifetimes.idToken,
      RefreshToken: lifetimes.refreshToken,
      Session: lifetimes.session,
      Grant: lifetimes.session,
      Interaction: 60 * 60,
      AuthorizationCode: 60,
    },
    renderError,
  };
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    `<h1>Sign out of Baton?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page('Signed out', '<h1>You have signed out</h1>\n<p>You can close this page.</p>');
}

async function renderError(ctx: KoaContextWithOIDC, out: Record<string, string>): Promise<void> {
  ctx.type = 'html';
  const details = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('\n');
  ctx.body = page('Sign-in failed', `<h1>Sign-in failed</h1>\n<dl>\n${details}\n</dl>`);
}
