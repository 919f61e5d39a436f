/** The person is not signed in, or their session could not be kept alive: they are sent to sign in again. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in required');
    this.name = 'SignInRequired';
  }
}
