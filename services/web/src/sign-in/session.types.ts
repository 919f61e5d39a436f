import type { Role } from './person.js';

/** The signed-in person as the web shows them: from their token, with their agency's name. */
export interface SignedInPerson {
  personId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  tenant: string;
  roles: Role[];
}

/** Tokens are kept here, on the server; the browser holds only the session cookie. */
export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What the sign-in redirect must match on the way back (RFC 7636 PKCE, state and nonce). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

declare module 'fastify' {
  interface Session {
    pendingSignIn?: PendingSignIn;
    person?: SignedInPerson;
    tokens?: SessionTokens;
    /** Answers typed into multi-page forms, kept until the form is sent (so a time-out loses nothing typed). */
    drafts?: Record<string, Record<string, unknown>>;
    /** Events of the person's own writes the agency views have not yet been asked for (read-your-writes). */
    unseenEvents?: string[];
    /** A one-off message for the next page (e.g. "Notification marked as read"). */
    flash?: string;
  }
}
