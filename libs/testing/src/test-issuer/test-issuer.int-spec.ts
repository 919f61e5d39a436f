import { TokenVerifier } from '@baton/auth';
import { TestIssuer } from './test-issuer.js';

describe('TestIssuer', () => {
  it('never publishes the private key', async () => {
    const issuer = await TestIssuer.ephemeral({ issuer: 'http://127.0.0.1:3999', algorithm: 'RS256' });
    const [published] = issuer.jwks().keys;
    expect(published).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(Object.keys(published).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('signs tokens the verifier accepts against its key set', async () => {
    const issuer = await TestIssuer.ephemeral({ issuer: 'http://127.0.0.1:3999' });
    const verifier = new TokenVerifier({ issuer: issuer.issuer, audience: 'baton', jwks: issuer.jwks() });
    const token = await issuer.sign({
      sub: 'person-0004',
      name: 'Riley Invented',
      agency_id: 'agency-west',
      roles: [],
      tenant: 'demo',
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'person-0004' });
  });
});

describe('TestIssuer.listen', () => {
  it('serves its keys and discovery document, naming its own URL as issuer when none was given', async () => {
    const issuer = await TestIssuer.ephemeral();
    const server = await issuer.listen(0);
    try {
      expect(issuer.issuer).toBe(server.url);
      const discovery = await (await fetch(`${server.url}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({ issuer: server.url, jwks_uri: `${server.url}/.well-known/jwks.json` });
      expect(await (await fetch(`${server.url}/.well-known/jwks.json`)).json()).toEqual(issuer.jwks());
      expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('keeps an issuer it was given', async () => {
    const issuer = await TestIssuer.ephemeral({ issuer: 'http://127.0.0.1:3999' });
    const server = await issuer.listen(0);
    try {
      const discovery = await (await fetch(`${server.url}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({ issuer: 'http://127.0.0.1:3999' });
    } finally {
      await server.close();
    }
  });
});
