// The bench's own tenant file: the demo authority with its 40 invented bench agencies added, so their readers'
// tokens name agencies the service knows (a token naming an agency the tenant files lack is refused).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../referral-intake/lib/service.js';
import { AGENCY_COUNT, agencyId } from './families.js';

export function writeBenchTenant() {
  const demo = JSON.parse(readFileSync(`${REPO_ROOT}config/tenants/demo.json`, 'utf8'));
  const benchAgencies = Array.from({ length: AGENCY_COUNT }, (_, i) => ({
    id: agencyId(i),
    name: `Bench Agency ${i + 1}`,
    kind: 'voluntary',
    receivesReferrals: false,
  }));
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-views-tenant-'));
  writeFileSync(
    join(dir, 'demo.json'),
    JSON.stringify({ ...demo, agencies: [...demo.agencies, ...benchAgencies] }, null, 2),
  );
  return { dir };
}
