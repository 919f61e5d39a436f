import * as oidc from 'openid-client';
import { SIGN_IN_FORM } from './sign-in-page.js';

export interface ScriptedSignInOptions {
  /** The provider's issuer identifier; discovery happens there. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The person (as listed on the sign-in page) to sign in as. */
  personId: string;
  /** Default `openid profile email offline_access`. */
  scope?: string;
}

export interface ScriptedSignIn {
  config: oidc.Configuration;
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  /** The browser that signed in, holding the provider's session cookies (for signing out). */
  browser: ScriptedBrowser;
}

const MAX_REDIRECTS = 10;

/** The openid-client configuration of a confidential client of the issuer (plain HTTP allowed for loopback). */
export async function discoverClient(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  return oidc.discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
    execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
  });
}

/**
 * Signs a person in as a browser would, without one: an authorization code request with PKCE (S256) from
 * openid-client, the provider's own sign-in form posted with the person chosen, redirects followed until
 * the client's redirect URI, then the code exchanged. For scripts (`npm run token`) and tests.
 */
export async function signInAs(options: ScriptedSignInOptions): Promise<ScriptedSignIn> {
  const config = await discoverClient(options.issuer, options.clientId, options.clientSecret);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile email offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    prompt: 'login',
  });
  const browser = new ScriptedBrowser();
  const signInPage = await browser.followUntilPage(authorizationUrl.href, options.redirectUri);
  const form = /<form method="post" action="([^"]+\/login)"/.exec(signInPage.body);
  if (!form) throw new Error(`the provider showed no sign-in form at ${signInPage.url}`);
  const callback = await browser.followUntilRedirect(
    new URL(form[1].replace(/&#38;/g, '&'), signInPage.url).href,
    options.redirectUri,
    new URLSearchParams({ [SIGN_IN_FORM.personField]: options.personId }),
  );
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
  });
  return { config, tokens, browser };
}

/** Carries the provider's cookies from one request to the next and follows its redirects, as a browser would. */
export class ScriptedBrowser {
  private readonly cookies = new Map<string, string>();

  /** GETs url and follows redirects until a page answers; stops early (with an error) at the redirect URI. */
  async followUntilPage(url: string, redirectUri: string): Promise<{ url: string; body: string }> {
    let current = url;
    for (let hop = 0; hop < MAX_REDIRECTS; hop += 1) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (!location) return { url: current, body: await response.text() };
      current = new URL(location, current).href;
      if (current.startsWith(redirectUri)) throw new Error(`signed in without a sign-in page: ${current}`);
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }

  /** POSTs the form, then follows redirects until one leads to the redirect URI, which it returns. */
  async followUntilRedirect(url: string, redirectUri: string, form: URLSearchParams): Promise<string> {
    let response = await this.request(url, form);
    let current = url;
    for (let hop = 0; hop < MAX_REDIRECTS; hop += 1) {
      const location = response.headers.get('location');
      if (!location) {
        throw new Error(`sign-in stopped at ${current} (${response.status}): ${(await response.text()).slice(0, 500)}`);
      }
      current = new URL(location, current).href;
      if (current.startsWith(redirectUri)) return current;
      response = await this.request(current);
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }

  /** The cookies held, as a Cookie header. */
  cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async request(url: string, form?: URLSearchParams): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: form ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
      body: form?.toString(),
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }
}
