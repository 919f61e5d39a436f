import { isPrivate, WebhookTargets } from './webhook-target.js';

function lookupOf(targets: WebhookTargets, hostname: string): Promise<string> {
  return new Promise((resolve, reject) => {
    targets.lookup(hostname, {}, (error, address) => (error ? reject(error) : resolve(address as string)));
  });
}

describe('where a webhook may be sent', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.0.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:10.0.0.1', true],
    ['81.2.69.160', false],
    ['2a00:1450:4009:81d::200e', false],
    ['::ffff:81.2.69.160', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivate(address)).toBe(expected);
  });

  it('refuses literal private addresses and localhost at registration, unless private targets are allowed', () => {
    const strict = new WebhookTargets(false);
    expect(strict.refusalOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1 is a private, loopback or reserved address');
    expect(strict.refusalOf('http://app.localhost/x')).toBe('app.localhost is this host');
    expect(strict.refusalOf('https://hooks.example.org/x')).toBeUndefined();
    expect(new WebhookTargets(true).refusalOf('http://127.0.0.1:8080/x')).toBeUndefined();
  });

  it.each([
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://%31%32%37.0.0.1/',
    'http://localhost./',
    'http://[::ffff:127.0.0.1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[2002:7f00:1::]/',
    'http://100.64.0.1/',
    'http://[fd00:ec2::254]/',
    'http://hooks.example.org@10.0.0.5/',
  ])('refuses %s however the address is written', (url) => {
    expect(new WebhookTargets(false).refusalOf(url)).toEqual(expect.any(String));
  });

  it('finds a user name or password in a URL, in every setting', () => {
    expect(new WebhookTargets(true).carriesCredentials('https://hooks.example.org@10.0.0.5/')).toBe(true);
    expect(new WebhookTargets(true).carriesCredentials('https://u:p@hooks.example.org/')).toBe(true);
    expect(new WebhookTargets(true).carriesCredentials('https://hooks.example.org/')).toBe(false);
  });

  it('refuses, when connecting, a name that resolves to a private address (checked at delivery, not only at registration)', async () => {
    // localhost resolves from the hosts file, with no DNS server involved.
    await expect(lookupOf(new WebhookTargets(false), 'localhost')).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which webhooks may not reach/,
    );
    await expect(lookupOf(new WebhookTargets(true), 'localhost')).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
