// CPU and memory of processes, read from /proc (Linux), the way the floor measures them.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

const CLK_TCK = 100; // Linux USER_HZ

/** Monotonic milliseconds (CLOCK_MONOTONIC: comparable across processes on one host). */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function statFields(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return { comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), rest: s.slice(s.lastIndexOf(')') + 2).split(' ') };
}

/** CPU seconds (user + system) one process has used so far; 0 once it has gone. */
export function pidCpuSeconds(pid) {
  try {
    const { rest } = statFields(pid);
    return (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far, per pid, by every live process with this command name (e.g. postgres backends). */
export function commCpuByPid(comm) {
  const out = {};
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = statFields(d);
      if (f.comm === comm) out[d] = (Number(f.rest[11]) + Number(f.rest[12])) / CLK_TCK;
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

/** Resident memory of a process in MiB: current (VmRSS) and peak so far (VmHWM). */
export function memoryMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: +(kib('VmRSS') / 1024).toFixed(1), hwm: +(kib('VmHWM') / 1024).toFixed(1) };
  } catch {
    return { rss: null, hwm: null };
  }
}

/** Whole-machine jiffies from the first line of /proc/stat. */
export function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { total, idle: idle + iowait, steal, busy: total - idle - iowait - steal };
}

/** Percent of the whole machine (all cores) busy and stolen between two machineCpu() readings. */
export function machineCpuDelta(a, b) {
  const dt = b.total - a.total || 1;
  return {
    busy_pct: +((100 * (b.busy - a.busy)) / dt).toFixed(1),
    steal_pct: +((100 * (b.steal - a.steal)) / dt).toFixed(1),
  };
}

/** How busy the machine is while this benchmark sends nothing: others' work on a shared host. */
export async function idleBaseline(ms) {
  const a = machineCpu();
  await sleep(ms);
  return machineCpuDelta(a, machineCpu());
}

/**
 * A CPU snapshot: seconds per named pid, and per-pid seconds for groups of processes (the postgres backends of
 * the bench database; every postgres and nats-server process), compared pid by pid so that processes which
 * start mid-run count from zero and those which end (other users' connections) do not subtract.
 */
export function cpuSnapshot(pids, groups = {}) {
  const snap = { pids: {}, groups: {} };
  for (const [name, pid] of Object.entries(pids)) snap.pids[name] = pidCpuSeconds(pid);
  for (const [name, list] of Object.entries(groups)) {
    snap.groups[name] = Object.fromEntries(list.map((pid) => [pid, pidCpuSeconds(pid)]));
  }
  snap.groups.postgres_all = commCpuByPid('postgres');
  snap.groups['nats-server'] = commCpuByPid('nats-server');
  return snap;
}

/** CPU between two snapshots as percent of ONE core (200 = both cores of a 2-core machine). */
export function cpuPercentOfCore(a, b, wallSeconds) {
  const pct = (seconds) => Math.round((100 * seconds) / wallSeconds);
  const out = {};
  for (const k of Object.keys(b.pids)) out[k] = pct(b.pids[k] - (a.pids[k] ?? 0));
  for (const [k, after] of Object.entries(b.groups)) {
    const before = a.groups[k] ?? {};
    out[k] = pct(Object.entries(after).reduce((s, [pid, sec]) => s + Math.max(0, sec - (before[pid] ?? 0)), 0));
  }
  return out;
}

export function machineTag() {
  return { nproc: os.cpus().length, loadavg: os.loadavg().map((x) => +x.toFixed(2)), node: process.version };
}
