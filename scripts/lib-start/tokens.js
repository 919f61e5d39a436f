/** Development tokens for demo people, so a developer can call the APIs straight after `npm start`. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const DEMO_PEOPLE = ['hub-triager', 'school-dsl'];
export const TOKEN_LIFETIME = '8h';

/**
 * Signs a token for each demo person found in the demo tenant's reference data.
 * @returns {Promise<{ person: { personId: string, name: string, agencyId: string, roles: string[] }, token: string }[]>}
 */
export async function demoTokens(issuer, tenantConfigDir) {
  const file = join(tenantConfigDir, 'demo.json');
  if (!existsSync(file)) return [];
  const tenant = JSON.parse(readFileSync(file, 'utf8'));
  const code = tenant.code ?? tenant.tenant ?? tenant.id ?? basename(file, '.json');
  const people = (tenant.people ?? []).filter((person) => DEMO_PEOPLE.includes(person.personId));
  return Promise.all(
    people.map(async (person) => ({
      person,
      token: await issuer.sign(
        {
          sub: person.personId,
          name: person.name,
          email: person.email,
          agency_id: person.agencyId,
          roles: person.roles,
          tenant: code,
        },
        { expiresIn: TOKEN_LIFETIME },
      ),
    })),
  );
}
