import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A service run as production runs it: its built `main.js` in a process of its own (so `--import`-free
 * instrumentation, the logger and the metrics port are the real ones), with every line it writes kept.
 */
export class ServiceProcess {
  readonly lines: string[] = [];
  url = '';
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  private constructor(readonly service: string) {}

  static async start(service: string, env: Record<string, string>, timeoutMs = 90_000): Promise<ServiceProcess> {
    const entry = `${REPO_ROOT}services/${service}/dist/main.js`;
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    const started = new ServiceProcess(service);
    // A caller that must know the address before start-up (the web's sign-in redirect) gives PORT itself.
    const port = env.PORT ? Number(env.PORT) : await freePort();
    started.url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [entry], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.child = child;
    started.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let partial = '';
    const keep = (chunk: Buffer): void => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      started.lines.push(...lines.filter((line) => line.length > 0));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await started.waitUntilLive(timeoutMs);
    return started;
  }

  /** The lines written so far, parsed (every line is JSON: LOG_FORMAT=json). */
  logs(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private async waitUntilLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited?.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(`${this.service} exited during start-up (${exitCode}):\n${this.lines.slice(-20).join('\n')}`);
      }
      try {
        if ((await fetch(`${this.url}/health/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await this.stop();
    throw new Error(`${this.service} was not ready within ${timeoutMs} ms:\n${this.lines.slice(-20).join('\n')}`);
  }
}
