import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import * as oidc from 'openid-client';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDevIdentityProvider } from './dev-identity-provider.js';
import type { RunningDevIdentityProvider } from './dev-identity-provider.js';
import { discoverClient } from './scripted-sign-in.js';
import { batonWebClient } from './sign-in-client.js';
import type { SignInClient } from './sign-in-client.js';

/** Debian's Chromium, as CI installs it; no browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the sign-in page in a real browser', () => {
  let keysDirectory: string;
  let provider: RunningDevIdentityProvider;
  let web: ReturnType<typeof createServer>;
  let client: SignInClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Stands in for the web service's callback and signed-out pages.
    web = createServer((_request, response) => response.end('web service'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    client = batonWebClient({ baseUrl: `http://127.0.0.1:${(web.address() as AddressInfo).port}` });
    keysDirectory = await mkdtemp(join(tmpdir(), 'baton-sign-in-page-'));
    provider = await startDevIdentityProvider({ port: 0, keysDirectory, signInClients: [client] });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  });

  beforeEach(async () => {
    // axe injects its script per browser context.
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await new Promise((resolve) => web?.close(resolve));
    await rm(keysDirectory, { recursive: true, force: true });
  });

  async function startSignIn(): Promise<{ config: oidc.Configuration; verifier: string }> {
    const config = await discoverClient(provider.issuer, client.clientId, client.clientSecret);
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: client.redirectUris[0],
      scope: 'openid profile email offline_access',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'browser',
    });
    await page.goto(url.href);
    return { config, verifier };
  }

  it('lets a person choose who they are by label and sign in, landing on the callback with a code', async () => {
    const { config, verifier } = await startSignIn();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in to Baton');
    await page.getByRole('radio', { name: /^Marlowe Brackenridge,/ }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/auth\/callback\?/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: verifier,
      expectedState: 'browser',
    });
    expect(tokens.claims()).toMatchObject({ sub: 'hub-manager', roles: ['manager'] });
  });

  it('says what to do when nobody is chosen, and the page passes an accessibility check', async () => {
    await startSignIn();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Choose who to sign in as');
    await expect(page.title()).resolves.toMatch(/^Error: /);
  });

  it('signs out when asked by the web service, returning to its signed-out page', async () => {
    const { config, verifier } = await startSignIn();
    await page.getByRole('radio', { name: /^Priya Lanternby,/ }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/auth\/callback\?/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: verifier,
      expectedState: 'browser',
    });
    await page.goto(
      oidc.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token as string,
        post_logout_redirect_uri: client.postLogoutRedirectUris[0],
      }).href,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signed-out$/);
  });
});
