import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const NATS_SERVER = process.env.BATON_NATS_SERVER ?? '/usr/sbin/nats-server';
const CLUSTER_NAME = 'baton-test';

/** Free loopback ports, all distinct (each held open until every one is chosen). */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no free port');
    ports.push(address.port);
  }
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
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

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether this nats-server takes `sync_interval: always` (2.9 does not), as production runs it (deploy/nats). */
function acceptsSyncAlways(dir: string): boolean {
  const probe = join(dir, 'probe.conf');
  writeFileSync(probe, `jetstream { store_dir: ${JSON.stringify(join(dir, 'probe'))}, sync_interval: always }\n`);
  return spawnSync(NATS_SERVER, ['-c', probe, '-t'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

interface ClusterNode {
  name: string;
  clientPort: number;
  configFile: string;
  process?: ChildProcess;
}

/**
 * A JetStream cluster of nats-servers on loopback ports of this machine (nats-server clustering: routes between
 * every pair, JetStream file storage, `sync_interval: always` where the server takes it), each node with its own
 * store directory. A node can be killed and started again on the same store.
 */
export class NatsCluster {
  private constructor(
    private readonly dir: string,
    private readonly nodes: ClusterNode[],
  ) {}

  static async start(size = 3): Promise<NatsCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'baton-nats-cluster-'));
    const ports = await freePorts(size * 2);
    const routes = ports.slice(size).map((port) => `nats-route://127.0.0.1:${port}`);
    const syncAlways = acceptsSyncAlways(dir);
    const nodes = Array.from({ length: size }, (_, i): ClusterNode => {
      const name = `n${i + 1}`;
      const store = join(dir, name);
      mkdirSync(store);
      const configFile = join(dir, `${name}.conf`);
      writeFileSync(
        configFile,
        [
          `server_name: ${name}`,
          `host: 127.0.0.1`,
          `port: ${ports[i]}`,
          `jetstream { store_dir: ${JSON.stringify(store)}${syncAlways ? ', sync_interval: always' : ''} }`,
          `cluster {`,
          `  name: ${CLUSTER_NAME}`,
          `  listen: 127.0.0.1:${ports[size + i]}`,
          `  routes: [${routes.filter((_, j) => j !== i).join(', ')}]`,
          `}`,
          '',
        ].join('\n'),
      );
      return { name, clientPort: ports[i], configFile };
    });
    const cluster = new NatsCluster(dir, nodes);
    try {
      await Promise.all(nodes.map((node) => cluster.startNode(node)));
      await cluster.untilJetStreamAnswers();
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** NATS_URL for the whole cluster: every node's client URL, comma-separated. */
  get url(): string {
    return this.nodes.map((node) => `nats://127.0.0.1:${node.clientPort}`).join(',');
  }

  get names(): string[] {
    return this.nodes.map((node) => node.name);
  }

  /** Kills the node at once (SIGKILL), as a crashed host or an evicted pod would go. */
  async kill(name: string): Promise<void> {
    const node = this.node(name);
    const child = node.process;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    node.process = undefined;
  }

  /** Starts a killed node again on its own store; it rejoins the cluster and catches up. */
  async restart(name: string): Promise<void> {
    await this.startNode(this.node(name));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => this.kill(node.name)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private node(name: string): ClusterNode {
    const node = this.nodes.find((n) => n.name === name);
    if (node === undefined) throw new Error(`no node ${name} in the cluster (${this.names.join(', ')})`);
    return node;
  }

  private async startNode(node: ClusterNode): Promise<void> {
    const child = spawn(NATS_SERVER, ['-c', node.configFile], { stdio: 'ignore' });
    node.process = child;
    await until(`nats-server ${node.name} (${NATS_SERVER}) did not accept connections`, 15_000, async () => {
      if (child.exitCode !== null) throw new Error(`nats-server ${node.name} exited with ${child.exitCode}`);
      return answers(node.clientPort);
    });
  }

  /** JetStream answers once the cluster has elected its meta leader. */
  private async untilJetStreamAnswers(): Promise<void> {
    const nc = await connect({ servers: this.url.split(',') });
    try {
      await until('the cluster elected no JetStream meta leader', 30_000, async () => {
        await (await jetstreamManager(nc, { timeout: 2_000 })).getAccountInfo();
        return true;
      });
    } finally {
      await nc.close();
    }
  }
}
