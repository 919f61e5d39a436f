/** A client people sign in through (authorization code with PKCE), such as Baton's web service. */
export interface SignInClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export const WEB_CLIENT_ID = 'baton-web';
export const DEFAULT_WEB_BASE_URL = 'http://127.0.0.1:8080';
export const DEFAULT_WEB_CLIENT_SECRET = 'baton-web-development-secret';

/**
 * Baton's web service as a confidential client: it signs in at `<base>/auth/callback` and lands at
 * `<base>/signed-out` after signing out. WEB_BASE_URL and WEB_OIDC_CLIENT_SECRET give the defaults.
 */
export function batonWebClient(
  options: { baseUrl?: string; clientSecret?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): SignInClient {
  const baseUrl = (options.baseUrl ?? (env.WEB_BASE_URL || DEFAULT_WEB_BASE_URL)).replace(/\/+$/, '');
  return {
    clientId: WEB_CLIENT_ID,
    clientSecret: options.clientSecret ?? (env.WEB_OIDC_CLIENT_SECRET || DEFAULT_WEB_CLIENT_SECRET),
    clientName: 'Baton',
    redirectUris: [`${baseUrl}/auth/callback`],
    postLogoutRedirectUris: [`${baseUrl}/signed-out`],
  };
}

export const TOKEN_SCRIPT_CLIENT_ID = 'baton-token-script';

/**
 * `npm run token`'s own client: it signs a person in on the provider's page as a script, reading the code
 * from the redirect to a loopback address nothing needs to listen on.
 */
export function tokenScriptClient(): SignInClient {
  return {
    clientId: TOKEN_SCRIPT_CLIENT_ID,
    clientSecret: 'baton-token-script-development-secret',
    clientName: 'npm run token',
    redirectUris: ['http://127.0.0.1/token-script/callback'],
    postLogoutRedirectUris: [],
  };
}
