import { UnauthorizedException } from '@nestjs/common';

/** RFC 6750 s.3: error_description may hold only printable ASCII other than '"' and '\'. */
const UNSAFE_DESCRIPTION_CHARACTERS = /[^\x20\x21\x23-\x5B\x5D-\x7E]/g;
const MAX_DESCRIPTION_LENGTH = 200;

/** A 401 whose message says precisely why the token was refused; the guard turns it into a Bearer challenge. */
export function invalidToken(description: string): UnauthorizedException {
  return new UnauthorizedException(description);
}

/** The WWW-Authenticate value for a refused token (RFC 6750 s.3). */
export function bearerChallenge(description: string): string {
  const safe = description.replace(UNSAFE_DESCRIPTION_CHARACTERS, '?').slice(0, MAX_DESCRIPTION_LENGTH);
  return `Bearer error="invalid_token", error_description="${safe}"`;
}
