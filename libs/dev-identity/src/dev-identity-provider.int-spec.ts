import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { rotateSigningKeys, startDevIdentityProvider } from './dev-identity-provider.js';
import type { RunningDevIdentityProvider } from './dev-identity-provider.js';
import { batonWebClient } from './sign-in-client.js';
import { ScriptedBrowser, discoverClient, signInAs } from './scripted-sign-in.js';
import { SIGNING_KEYS_FILE } from './signing-keys.js';

const WEB = batonWebClient({ baseUrl: 'http://web.test.invalid', clientSecret: 'test-web-secret' });

describe('the development identity provider', () => {
  let keysDirectory: string;
  let provider: RunningDevIdentityProvider;

  beforeAll(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'baton-dev-identity-'));
    provider = await startDevIdentityProvider({ port: 0, keysDirectory, signInClients: [WEB] });
  });

  afterAll(async () => {
    await provider?.close();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  const signIn = (personId: string) =>
    signInAs({
      issuer: provider.issuer,
      clientId: WEB.clientId,
      clientSecret: WEB.clientSecret,
      redirectUri: WEB.redirectUris[0],
      personId,
    });

  const verify = (token: string) =>
    jwtVerify(token, createRemoteJWKSet(new URL(`${provider.issuer}/.well-known/jwks.json`)), {
      issuer: provider.issuer,
      audience: 'baton',
    });

  it('publishes discovery for the code flow with PKCE S256, refresh, logout and client credentials', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as {
      grant_types_supported: string[];
    };
    expect(discovery).toMatchObject({
      issuer: provider.issuer,
      jwks_uri: `${provider.issuer}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      end_session_endpoint: expect.stringMatching(/^http/),
    });
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('lists the invented people of the tenant files on its sign-in page', async () => {
    const config = await discoverClient(provider.issuer, WEB.clientId, WEB.clientSecret);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: WEB.redirectUris[0],
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const redirect = await fetch(url, { redirect: 'manual' });
    const page = await fetch(new URL(redirect.headers.get('location') as string, url), {
      headers: {
        cookie: redirect.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Sign in to Baton</h1>');
    expect(html).toContain('<legend>Who are you signing in as?</legend>');
    expect(html).toMatch(/<input type="radio" id="person-demo-hub-triager" name="person" value="hub-triager" /);
    expect(html).toMatch(/<label for="person-demo-hub-triager">[^<]+ at Demo Early Help Hub/);
    expect(html).toContain('<button type="submit" class="primary">Sign in</button>');
  });

  it('refuses an authorization request without PKCE', async () => {
    const config = await discoverClient(provider.issuer, WEB.clientId, WEB.clientSecret);
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: WEB.redirectUris[0], scope: 'openid' });
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') as string);
    expect(location.origin + location.pathname).toBe(WEB.redirectUris[0]);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('signs a person in with code and PKCE, issuing a Baton access token, an ID token and a refresh token', async () => {
    const { tokens } = await signIn('hub-triager');
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    const { payload } = await verify(tokens.access_token);
    expect(payload).toMatchObject({
      sub: 'hub-triager',
      client_id: 'baton-web',
      agency_id: 'demo-early-help-hub',
      tenant: 'demo',
      roles: ['triager', 'practitioner'],
    });
    expect(typeof payload.name).toBe('string');
    expect(tokens.claims()).toMatchObject({ sub: 'hub-triager', agency_id: 'demo-early-help-hub', tenant: 'demo' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it("signs a person out at the web service's request (RP-initiated logout), returning to /signed-out", async () => {
    const { config, tokens, browser } = await signIn('hub-manager');
    const endSession = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: WEB.postLogoutRedirectUris[0],
      state: 'after-sign-out',
    });
    const confirm = await browser.followUntilPage(endSession.href, WEB.postLogoutRedirectUris[0]);
    expect(confirm.body).toContain('<h1>Sign out of Baton?</h1>');
    expect(confirm.body).toContain('>Sign out</button>');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm.body)?.[1] as string;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1] as string;
    const landed = await browser.followUntilRedirect(
      new URL(action, confirm.url).href,
      WEB.postLogoutRedirectUris[0],
      new URLSearchParams({ xsrf, logout: 'yes' }),
    );
    expect(new URL(landed).searchParams.get('state')).toBe('after-sign-out');
    // The session is gone: the next sign-in asks again who is signing in.
    const again = oidc.buildAuthorizationUrl(config, {
      redirect_uri: WEB.redirectUris[0],
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    expect((await browser.followUntilPage(again.href, WEB.redirectUris[0])).body).toContain(
      'Who are you signing in as?',
    );
  });

  it('returns to the web service with access_denied when the person cancels, and asks again when nobody was chosen', async () => {
    const config = await discoverClient(provider.issuer, WEB.clientId, WEB.clientSecret);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: WEB.redirectUris[0],
      scope: 'openid',
      state: 'cancelled',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const browser = new ScriptedBrowser();
    const signInPage = await browser.followUntilPage(url.href, WEB.redirectUris[0]);
    const login = new URL(/action="([^"]+\/login)"/.exec(signInPage.body)?.[1] as string, signInPage.url).href;
    const unanswered = await fetch(login, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser.cookieHeader() },
      body: '',
    });
    expect(unanswered.status).toBe(400);
    expect(await unanswered.text()).toContain('Choose who to sign in as');
    const cancel = new URL(/action="([^"]+\/abort)"/.exec(signInPage.body)?.[1] as string, signInPage.url).href;
    const back = new URL(await browser.followUntilRedirect(cancel, WEB.redirectUris[0], new URLSearchParams()));
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('cancelled');
  });

  it('refreshes a session into a new access token for the same person', async () => {
    const { config, tokens } = await signIn('school-dsl');
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const { payload } = await verify(refreshed.access_token);
    expect(payload).toMatchObject({ sub: 'school-dsl', agency_id: 'demo-oakfield-primary', roles: ['practitioner'] });
  });

  it("gives an agency's system a token for its agency with client credentials", async () => {
    const config = await discoverClient(provider.issuer, 'demo.demo-yot.system', 'agency-system-development-secret');
    const tokens = await oidc.clientCredentialsGrant(config, {});
    const { payload } = await verify(tokens.access_token);
    expect(payload).toMatchObject({
      sub: 'demo.demo-yot.system',
      agency_id: 'demo-yot',
      tenant: 'demo',
      roles: ['practitioner'],
    });
  });

  it('refuses a client with the wrong secret', async () => {
    const config = await discoverClient(provider.issuer, 'demo.demo-yot.system', 'not-the-secret');
    await expect(oidc.clientCredentialsGrant(config, {})).rejects.toMatchObject({ status: 401 });
  });

  it('keeps its signing key on disk for its owner only', async () => {
    expect((await stat(join(keysDirectory, SIGNING_KEYS_FILE))).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(join(keysDirectory, SIGNING_KEYS_FILE), 'utf8'));
    expect(provider.jwks().keys.map((key) => key.kid)).toEqual(
      stored.keys.map((key: { jwk: { kid: string } }) => key.jwk.kid),
    );
    expect(provider.jwks().keys[0]).not.toHaveProperty('d');
  });

  it('rotates its key: new tokens use the new key, tokens of the old key stay valid', async () => {
    const before = (await signIn('yot-officer')).tokens.access_token;
    const oldKid = decodeProtectedHeader(before).kid;
    const publishedAhead = provider.jwks().keys.map((key) => key.kid);
    const { kid } = await provider.rotateKeys();
    // Published before it signed, so a verifier that cached the key set already knows it.
    expect(publishedAhead).toContain(kid);
    expect(kid).not.toBe(oldKid);
    const after = (await signIn('yot-officer')).tokens.access_token;
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    const published = (
      (await (await fetch(`${provider.issuer}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
    ).keys.map((key) => key.kid);
    expect(published[0]).toBe(kid);
    expect(published).toContain(oldKid);
    await expect(verify(before)).resolves.toBeDefined();
    await expect(verify(after)).resolves.toBeDefined();
  });

  it('takes up a rotation made on disk by another process', async () => {
    const { kid } = await rotateSigningKeys(keysDirectory);
    for (let waited = 0; provider.jwks().keys[0].kid !== kid && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(provider.jwks().keys[0].kid).toBe(kid);
    expect(decodeProtectedHeader((await signIn('adult-worker')).tokens.access_token).kid).toBe(kid);
  });
});

describe('a retired signing key', () => {
  it('stays published until the tokens it signed have expired, then leaves the key set', async () => {
    const keysDirectory = await mkdtemp(join(tmpdir(), 'baton-dev-identity-retire-'));
    const provider = await startDevIdentityProvider({
      port: 0,
      keysDirectory,
      signInClients: [WEB],
      lifetimes: { accessToken: 2, idToken: 2, clientCredentials: 2 },
    });
    try {
      const retiring = provider.jwks().keys[0].kid;
      await provider.rotateKeys();
      const published = async () =>
        (
          (await (await fetch(`${provider.issuer}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
        ).keys.map((key) => key.kid);
      expect(await published()).toContain(retiring);
      // Its tokens live two seconds; the set drops it a second after the last could have expired.
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect(await published()).not.toContain(retiring);
      expect(await published()).toHaveLength(2);
    } finally {
      await provider.close();
      await rm(keysDirectory, { recursive: true, force: true });
    }
  });
});
