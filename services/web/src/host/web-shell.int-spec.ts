import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { startWebTestApp, type WebTestApp } from '../testing/web-test-app.js';

describe('the web shell', () => {
  let infra: TestInfra;
  let web: WebTestApp;

  beforeAll(async () => {
    infra = await provisionTestInfra('web-shell');
    // No provider answers on this port: pages that need one must say so clearly.
    web = await startWebTestApp({
      DATABASE_URL: infra.databaseUrl,
      AUTH_ISSUER: 'http://127.0.0.1:9',
      WEB_BASE_URL: 'http://127.0.0.1:8080',
    });
  });

  afterAll(async () => {
    await web?.close();
    await infra?.dispose();
  });

  it('shows the accessibility statement without signing in, with a nonce-based CSP and no caching', async () => {
    const response = await fetch(`${web.url}/accessibility`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l">Accessibility statement for Baton</h1>');
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends a person who is not signed in to sign in, remembering where they were going', async () => {
    const response = await fetch(`${web.url}/inbox?show=unread`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?returnTo=%2Finbox%3Fshow%3Dunread');
  });

  it('says sign-in is unavailable, not a stack trace, when the provider does not answer', async () => {
    const response = await fetch(`${web.url}/sign-in`, { redirect: 'manual' });
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(html).toContain('Sorry, the service is unavailable');
    expect(html).toContain('Sign in is not answering');
    expect(html).not.toMatch(/at \w+ \(/);
  });

  it('refuses a form sent without its CSRF token, sending nothing on', async () => {
    const response = await fetch(`${web.url}/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('The form has expired');
  });

  it('says a page that does not exist is not found or not yours to see', async () => {
    const response = await fetch(`${web.url}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This page does not exist, or you do not have access to it.');
  });

  it('is ready when its session database answers', async () => {
    const response = await fetch(`${web.url}/health/ready`);
    expect(response.status).toBe(200);
  });
});
