// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types; this declares what Baton uses
/// <reference path="./oidc-provider.d.ts" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import type { DevPerson } from './people.js';
import { SIGN_IN_FORM, page, signInPage } from './sign-in-page.js';

const MAX_FORM_BYTES = 4096;
const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/;

/**
 * The sign-in interaction: the page listing people, and what its two forms post. oidc-provider holds the
 * interaction (bound to its cookie) and resumes the authorization request once it is finished.
 */
export async function handleInteraction(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  people: ReadonlyMap<string, DevPerson>,
): Promise<void> {
  const match = ROUTE.exec(path);
  const action = match?.[2];
  const method = request.method ?? 'GET';
  if (!match || (action === undefined ? method !== 'GET' : method !== 'POST')) {
    return send(response, 404, page('Page not found', '<h1>Page not found</h1>'));
  }
  try {
    const interaction = await provider.interactionDetails(request, response);
    const base = `/interaction/${interaction.uid}`;
    const clientName = 'Baton';
    if (action === 'abort') {
      return await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'sign-in was cancelled' },
        { mergeWithLastSubmission: false },
      );
    }
    if (interaction.prompt.name !== 'login') {
      return send(response, 400, page('Sign-in failed', `<h1>Sign-in failed</h1>\n<p>Unexpected step.</p>`));
    }
    const listed = [...people.values()];
    if (action === 'login') {
      const chosen = new URLSearchParams(await readBody(request)).get(SIGN_IN_FORM.personField) ?? '';
      if (people.has(chosen)) {
        return await provider.interactionFinished(request, response, { login: { accountId: chosen } });
      }
      const error = chosen ? 'That person is not listed: choose someone from the list' : 'Choose who to sign in as';
      return send(
        response,
        400,
        signInPage({ action: `${base}/login`, cancelAction: `${base}/abort`, clientName, people: listed, error }),
      );
    }
    return send(
      response,
      200,
      signInPage({ action: `${base}/login`, cancelAction: `${base}/abort`, clientName, people: listed }),
    );
  } catch (error) {
    const expired = (error as { name?: string }).name === 'SessionNotFound';
    return send(
      response,
      expired ? 400 : 500,
      page(
        'Sign-in failed',
        expired
          ? '<h1>This sign-in has expired</h1>\n<p>Go back to the service and sign in again.</p>'
          : '<h1>Sign-in failed</h1>\n<p>Something went wrong; try again.</p>',
      ),
    );
  }
}

function send(response: ServerResponse, status: number, html: string): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  response.end(html);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('sign-in form too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
