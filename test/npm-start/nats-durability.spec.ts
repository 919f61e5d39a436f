// `npm start`'s NATS (scripts/lib-start/nats.js) tells a developer what an old nats-server means for their events.
interface NatsStart {
  RECOMMENDED_NATS_VERSION: string;
  parseNatsVersion(text: string): number[] | undefined;
  durabilityWarning(version: number[], syncAlways: boolean): string | undefined;
}

const modulePath: string = '../../scripts/lib-start/nats.js';
let nats: NatsStart;

beforeAll(async () => {
  nats = (await import(modulePath)) as NatsStart;
});

describe("npm start's nats-server durability report", () => {
  it('reads the version nats-server --version prints', () => {
    expect(nats.parseNatsVersion('nats-server: v2.9.10\n')).toEqual([2, 9, 10]);
    expect(nats.parseNatsVersion('nats-server: v2.12.3')).toEqual([2, 12, 3]);
    expect(nats.parseNatsVersion('command not found')).toBeUndefined();
  });

  it('says nothing for the release the README names, run with sync_interval: always', () => {
    expect(nats.RECOMMENDED_NATS_VERSION).toBe('2.12.3');
    expect(nats.durabilityWarning([2, 12, 3], true)).toBeUndefined();
    expect(nats.durabilityWarning([2, 14, 0], true)).toBeUndefined();
  });

  it('says plainly that a server without sync_interval: always loses recent events when the machine crashes', () => {
    const warning = nats.durabilityWarning([2, 9, 10], false);
    expect(warning).toContain('nats-server 2.9.10 is older than 2.12.3');
    expect(warning).toContain('events acknowledged in the last');
    expect(warning).toContain('two minutes are lost');
    expect(warning).toContain('before 2.10.23');
    expect(warning).toContain('docker compose up -d nats');
    expect(warning).toContain('BATON_NATS_SERVER=<path>');
  });

  it('names the missing fixes, not lost events, for an older server that does fsync every write', () => {
    const warning = nats.durabilityWarning([2, 11, 4], true);
    expect(warning).toContain('nats-server 2.11.4 is older than 2.12.3');
    expect(warning).toContain('sync_interval: always');
    expect(warning).not.toContain('are lost');
    expect(warning).not.toContain('2.10.23');
  });
});
