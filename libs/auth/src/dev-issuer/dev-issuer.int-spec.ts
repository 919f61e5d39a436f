import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from '../token-verifier.js';
import { DevIssuer } from './dev-issuer.js';
import { PRIVATE_KEY_FILE, PUBLIC_KEYS_FILE } from './key-store.js';

const options = { issuer: 'http://127.0.0.1:3999', audience: 'baton' };
const claims = { sub: 'person-0004', name: 'Riley Invented', agency_id: 'agency-west', roles: [], tenant: 'demo' };

describe('DevIssuer.loadOrCreate', () => {
  let dir: string;

  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'baton-dev-issuer-')), 'keys');
  });

  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('creates the key on first start, readable by its owner only', async () => {
    const issuer = await DevIssuer.loadOrCreate(dir, options);
    expect((await stat(join(dir, PRIVATE_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, PUBLIC_KEYS_FILE), 'utf8'))).toEqual(issuer.jwks());
  });

  it('reuses the key afterwards, so tokens stay valid across restarts', async () => {
    const first = await DevIssuer.loadOrCreate(dir, options);
    const token = await first.sign(claims);
    const second = await DevIssuer.loadOrCreate(dir, options);
    expect(second.jwks()).toEqual(first.jwks());
    const verifier = new TokenVerifier({ ...options, jwks: second.jwks() });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'person-0004' });
  });

  it('settles on one key when several processes start at once', async () => {
    const issuers = await Promise.all([1, 2, 3, 4].map(() => DevIssuer.loadOrCreate(dir, options)));
    const kids = new Set(issuers.map((issuer) => issuer.jwks().keys[0].kid));
    expect(kids.size).toBe(1);
  });

  it('never publishes the private key', async () => {
    const issuer = await DevIssuer.loadOrCreate(dir, { ...options, algorithm: 'RS256' });
    const [published] = issuer.jwks().keys;
    expect(published).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(Object.keys(published).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});

describe('DevIssuer.listen', () => {
  it('serves its keys and discovery document, naming its own URL as issuer when none was given', async () => {
    const issuer = await DevIssuer.ephemeral();
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
    const issuer = await DevIssuer.ephemeral({ issuer: 'http://127.0.0.1:3999' });
    const server = await issuer.listen(0);
    try {
      const discovery = await (await fetch(`${server.url}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({ issuer: 'http://127.0.0.1:3999' });
    } finally {
      await server.close();
    }
  });
});
