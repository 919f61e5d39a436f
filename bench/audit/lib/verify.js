// Verify: the CLI (`baton-audit-verify`) walks one tenant's chain of --verify-entries entries against a signed
// checkpoint; wall time and the CLI process's memory are measured from outside.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { memoryMiB, nowMs } from '../../referral-intake/lib/proc.js';
import { REPO_ROOT } from '../../referral-intake/lib/service.js';

const CLI = `${REPO_ROOT}services/audit/dist/cli/verify.js`;

/** Signs a checkpoint of the tenant's head with the service's key, as the checkpoint job would. */
export async function writeCheckpoint({ checkpointDir, keyFile, tenant, head }) {
  const { CheckpointStore } = await import(
    pathToFileURL(`${REPO_ROOT}services/audit/dist/checkpoint/checkpoint-store.js`).href
  );
  const store = await CheckpointStore.forSigning({ dir: checkpointDir, keyFile });
  await store.write({ tenant, count: head.seq, headHash: head.hash, time: new Date().toISOString() });
}

export async function runVerifyCli({ databaseUrl, checkpointDir, tenant, deep, log }) {
  const args = [CLI, '--tenant', tenant, '--database-url', databaseUrl, '--checkpoint-dir', checkpointDir];
  if (deep) args.push('--deep');
  log(`  $ node ${args.slice(0).join(' ').replace(REPO_ROOT, '')}`);
  const t0 = nowMs();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  let maxRss = 0;
  let hwm = 0;
  const sampler = setInterval(() => {
    const m = memoryMiB(child.pid);
    if (m.rss) maxRss = Math.max(maxRss, m.rss);
    if (m.hwm) hwm = Math.max(hwm, m.hwm);
  }, 100);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = (nowMs() - t0) / 1000;
  if (code === 2) throw new Error(`verify could not run: ${err}`);
  const report = JSON.parse(out.trim().split('\n').at(-1));
  return { exit_code: code, seconds: +seconds.toFixed(2), cli_rss_mib: { max: maxRss, hwm }, report };
}
