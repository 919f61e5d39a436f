/** Finds the services `npm start` runs: folders with a package.json carrying a "baton" field. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} servicesDir
 * @param {string[] | undefined} only names to keep (BATON_SERVICES), or every service
 * @returns {{ runnable: { name: string, port: number, database: string, main: string }[], unbuilt: string[] }}
 */
export function discoverServices(servicesDir, only) {
  const runnable = [];
  const unbuilt = [];
  const folders = existsSync(servicesDir) ? readdirSync(servicesDir, { withFileTypes: true }) : [];
  for (const folder of folders
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    if (only && !only.includes(folder)) continue;
    const packageFile = join(servicesDir, folder, 'package.json');
    if (!existsSync(packageFile)) continue;
    const { baton } = JSON.parse(readFileSync(packageFile, 'utf8'));
    if (!baton) continue;
    if (!Number.isInteger(baton.port) || typeof baton.database !== 'string') {
      throw new Error(`${packageFile}: "baton" needs a whole-number "port" and a "database" name`);
    }
    const main = join(servicesDir, folder, 'dist', 'main.js');
    if (existsSync(main)) runnable.push({ name: folder, port: baton.port, database: baton.database, main });
    else unbuilt.push(folder);
  }
  const unknown = (only ?? []).filter((name) => !runnable.some((s) => s.name === name) && !unbuilt.includes(name));
  if (unknown.length > 0) throw new Error(`BATON_SERVICES names no service called ${unknown.join(', ')}`);
  return { runnable, unbuilt };
}

/** The same server URL naming the service's own database instead (each service creates it if missing). */
export function databaseUrlFor(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
