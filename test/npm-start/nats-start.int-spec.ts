import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

// `npm start`'s nats-server (scripts/lib-start/nats.js) on this machine's own nats-server binary.
interface StartedNats {
  url: string;
  version: number[];
  syncAlways: boolean;
  stop(): Promise<void>;
}
interface NatsStart {
  findNatsServer(): string | undefined;
  startNats(options: {
    binary: string;
    port: number;
    storeDir: string;
    configFile: string;
    logFile: string;
  }): Promise<StartedNats>;
}

const modulePath: string = '../../scripts/lib-start/nats.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

describe("npm start's nats-server", () => {
  let dir: string;
  let nats: NatsStart;

  beforeAll(async () => {
    nats = (await import(modulePath)) as NatsStart;
    dir = mkdtempSync(join(tmpdir(), 'baton-npm-start-nats-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves JetStream from its own config file, with sync_interval: always exactly when the server takes it', async () => {
    const binary = nats.findNatsServer();
    if (binary === undefined) throw new Error('no nats-server on this machine (DEVELOPERS.md: Local services)');
    const configFile = join(dir, 'nats-server.conf');
    const started = await nats.startNats({
      binary,
      port: await freePort(),
      storeDir: join(dir, 'store'),
      configFile,
      logFile: join(dir, 'nats.log'),
    });
    try {
      expect(execFileSync(binary, ['--version'], { encoding: 'utf8' })).toContain(`v${started.version.join('.')}`);
      expect(readFileSync(configFile, 'utf8').includes('sync_interval: always')).toBe(started.syncAlways);
      // 2.9 (Debian 12's) refuses the setting and runs with the default; the releases Baton asks for take it.
      const [major, minor, patch] = started.version;
      if (major === 2 && minor <= 9) expect(started.syncAlways).toBe(false);
      if (major > 2 || minor > 12 || (minor === 12 && patch >= 3)) expect(started.syncAlways).toBe(true);

      const nc = await connect({ servers: started.url });
      try {
        const jsm = await jetstreamManager(nc);
        const stream = await jsm.streams.add({ name: 'NPM_START_CHECK', subjects: ['npm-start-check.>'] });
        expect(stream.config.name).toBe('NPM_START_CHECK');
      } finally {
        await nc.close();
      }
    } finally {
      await started.stop();
    }
  });
});
