import { bearerChallenge } from './invalid-token.js';

describe('bearerChallenge', () => {
  it('names the error and describes it', () => {
    expect(bearerChallenge('token expired')).toBe('Bearer error="invalid_token", error_description="token expired"');
  });

  it('keeps characters RFC 6750 forbids out of the description, so a token cannot inject headers', () => {
    expect(bearerChallenge('unknown role: "x"\r\nSet-Cookie: a=b')).toBe(
      'Bearer error="invalid_token", error_description="unknown role: ?x???Set-Cookie: a=b"',
    );
  });
});
