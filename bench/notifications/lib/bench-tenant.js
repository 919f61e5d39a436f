// The bench's own tenant file: the demo authority, with the hub's people replaced by 20 triagers (20 inboxes per
// referral) and one agency admin who registers the 20 webhook endpoints.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../referral-intake/lib/service.js';

export const HUB = 'demo-early-help-hub';

export function writeBenchTenant(inboxes) {
  const demo = JSON.parse(readFileSync(`${REPO_ROOT}config/tenants/demo.json`, 'utf8'));
  const others = demo.people.filter((p) => p.agencyId !== HUB);
  const triagers = Array.from({ length: inboxes }, (_, i) => ({
    personId: `bench-triager-${i + 1}`,
    name: `Bench Triager ${i + 1}`,
    email: `bench-triager-${i + 1}@demo-borough.example.org`,
    agencyId: HUB,
    roles: ['triager'],
  }));
  const admin = {
    personId: 'bench-admin',
    name: 'Bench Admin',
    email: 'bench-admin@demo-borough.example.org',
    agencyId: HUB,
    roles: ['agency-admin'],
  };
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-tenant-'));
  writeFileSync(join(dir, 'demo.json'), JSON.stringify({ ...demo, people: [...others, ...triagers, admin] }, null, 2));
  return { dir, admin };
}
