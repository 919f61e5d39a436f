export {
  DEFAULT_PORT,
  JWKS_ROUTE,
  defaultKeysDirectory,
  rotateSigningKeys,
  startDevIdentityProvider,
} from './dev-identity-provider.js';
export type { DevIdentityProviderOptions, RunningDevIdentityProvider } from './dev-identity-provider.js';
export { DEV_SYSTEM_CLIENT_SECRET, agencySystemClients, peopleOf } from './people.js';
export type { DevPerson, SystemClient } from './people.js';
export { DEFAULT_LIFETIMES, batonClaims } from './provider-configuration.js';
export type { AccessTokenClaims, TokenLifetimes, TokenSubject } from './provider-configuration.js';
export {
  DEFAULT_WEB_BASE_URL,
  DEFAULT_WEB_CLIENT_SECRET,
  TOKEN_SCRIPT_CLIENT_ID,
  WEB_CLIENT_ID,
  batonWebClient,
  tokenScriptClient,
} from './sign-in-client.js';
export type { SignInClient } from './sign-in-client.js';
export { SIGN_IN_FORM } from './sign-in-page.js';
export { ScriptedBrowser, discoverClient, signInAs } from './scripted-sign-in.js';
export type { ScriptedSignIn, ScriptedSignInOptions } from './scripted-sign-in.js';
export { SIGNING_KEYS_FILE } from './signing-keys.js';
