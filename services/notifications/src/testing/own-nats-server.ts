import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NATS_SERVER = process.env.BATON_NATS_SERVER ?? '/usr/sbin/nats-server';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * A nats-server of the test's own, on a free port with JetStream, started with the given config file included
 * (copied next to the generated main config, as nats-server includes relative paths) and environment.
 */
export class OwnNatsServer {
  private constructor(
    private readonly process: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(includeFile: string, env: Record<string, string>): Promise<OwnNatsServer> {
    const dir = mkdtempSync(join(tmpdir(), 'baton-nats-'));
    const port = await freePort();
    copyFileSync(includeFile, join(dir, 'included.conf'));
    writeFileSync(
      join(dir, 'nats.conf'),
      `host: 127.0.0.1\nport: ${port}\njetstream { store_dir: "${join(dir, 'js')}" }\ninclude ./included.conf\n`,
    );
    const child = spawn(NATS_SERVER, ['-c', join(dir, 'nats.conf')], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const server = new OwnNatsServer(child, dir, port);
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await server.stop();
        throw new Error(`nats-server (${NATS_SERVER}) did not start with ${includeFile}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
