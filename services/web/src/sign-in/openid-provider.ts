import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { WebConfig } from '../config/web.config.js';
import { ServiceUnavailable } from '../api/api-errors.js';
import type { PendingSignIn, SessionTokens } from './session.types.js';
import type { JWTPayload } from 'jose';

const SCOPES = 'openid profile email offline_access';

export interface SignInTokens {
  tokens: SessionTokens;
  idTokenClaims?: JWTPayload;
}

/**
 * The configured OpenID Provider, as this confidential client (client_secret_basic) sees it:
 * authorization code with PKCE (S256), refresh on the server, RP-initiated logout. Discovery is
 * made on first use and again after a failure, so the web starts while the provider is still starting.
 */
@Injectable()
export class OpenIdProvider {
  private readonly logger = new Logger('sign-in');
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: WebConfig) {}

  get callbackUrl(): string {
    return new URL('/auth/callback', this.config.WEB_BASE_URL).toString();
  }

  async startSignIn(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const configuration = await this.discovered();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl,
      scope: SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.toString(), pending };
  }

  /** Exchanges the code the provider sent back; throws oidc errors for a state, PKCE or nonce mismatch. */
  async finishSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<SignInTokens> {
    const configuration = await this.discovered();
    const response = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    return { tokens: tokensFrom(response), idTokenClaims: response.claims() };
  }

  async refresh(tokens: SessionTokens): Promise<SessionTokens> {
    if (!tokens.refreshToken) throw new Error('No refresh token');
    const response = await oidc.refreshTokenGrant(await this.discovered(), tokens.refreshToken);
    const next = tokensFrom(response);
    return { ...next, refreshToken: next.refreshToken ?? tokens.refreshToken, idToken: next.idToken ?? tokens.idToken };
  }

  /** Where to send the browser to end the provider's session too, coming back to /signed-out. */
  async signOutUrl(idToken: string | undefined): Promise<string> {
    const configuration = await this.discovered().catch(() => undefined);
    const signedOut = new URL('/signed-out', this.config.WEB_BASE_URL).toString();
    if (!configuration?.serverMetadata().end_session_endpoint) return signedOut;
    return oidc
      .buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: signedOut,
        client_id: this.config.WEB_OIDC_CLIENT_ID,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.AUTH_ISSUER),
        this.config.WEB_OIDC_CLIENT_ID,
        undefined,
        oidc.ClientSecretBasic(this.config.WEB_OIDC_CLIENT_SECRET),
        // A development provider on http://127.0.0.1; production issuers are https.
        this.config.AUTH_ISSUER.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: Error) => {
        this.configuration = undefined;
        this.logger.warn(`discovery at ${this.config.AUTH_ISSUER} failed: ${error.message}`);
        throw new ServiceUnavailable('sign-in', { cause: error });
      });
    return this.configuration;
  }
}

function tokensFrom(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): SessionTokens {
  const expiresIn = response.expiresIn() ?? 300;
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    idToken: response.id_token,
    expiresAt: Date.now() + expiresIn * 1000,
  };
}
