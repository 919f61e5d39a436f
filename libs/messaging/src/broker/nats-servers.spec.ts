import { natsServers } from './nats-servers.js';

describe('NATS_URL with the members of a cluster', () => {
  it('gives the client every server a comma-separated NATS_URL lists', () => {
    expect(natsServers('nats://n1:4222, nats://n2:4222,nats://n3:4222')).toEqual([
      'nats://n1:4222',
      'nats://n2:4222',
      'nats://n3:4222',
    ]);
  });

  it('keeps a single server as it is', () => {
    expect(natsServers('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222']);
  });

  it('refuses a NATS_URL naming no server', () => {
    expect(() => natsServers(' , ')).toThrow('NATS_URL names no server');
  });
});
