// Prints a development bearer token signed by the local dev issuer (the one `npm start` serves).
// Usage: npm run token -- --agency <id> --role <role> [--role <role2>] [--person <id>] [--name <name>]
//                         [--email <email>] [--tenant demo] [--ttl 8h] [--dir .baton/dev-issuer]
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DevIssuer, ROLES, isRole } from '../libs/auth/dist/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'Usage: npm run token -- --agency <id> --role <role> [--role <role2>] [--person <id>] [--name <name>]\n' +
  '                        [--email <email>] [--tenant demo] [--ttl 8h] [--dir .baton/dev-issuer]\n' +
  `Roles: ${ROLES.join(', ')}\n` +
  'Issuer and audience come from AUTH_ISSUER (default http://127.0.0.1:3999) and AUTH_AUDIENCE (default baton).';

class UsageError extends Error {}

function parseOptions(argv) {
  try {
    return parseArgs({
      args: argv,
      options: {
        agency: { type: 'string' },
        role: { type: 'string', multiple: true },
        person: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        tenant: { type: 'string', default: 'demo' },
        ttl: { type: 'string', default: '8h' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
}

/** The person of that id in config/tenants/<tenant>.json, if the file and the person exist. */
async function personInTenantFile(tenant, personId) {
  if (personId === undefined) return undefined;
  let text;
  try {
    text = await readFile(resolve(ROOT, 'config', 'tenants', `${tenant}.json`), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  const people = JSON.parse(text).people;
  return Array.isArray(people) ? people.find((person) => person?.personId === personId) : undefined;
}

async function claimsFrom(options) {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.tenant))
    throw new UsageError(`--tenant is not a tenant code: ${options.tenant}`);
  const known = await personInTenantFile(options.tenant, options.person);
  const agency = options.agency ?? known?.agencyId;
  if (!agency) throw new UsageError('--agency is required (or a --person listed in the tenant file)');
  const roles = options.role ?? known?.roles ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new UsageError(`unknown role: ${unknown.join(', ')}`);
  if (roles.length === 0) throw new UsageError('--role is required (or a --person listed in the tenant file)');
  const claims = {
    sub: options.person ?? `dev-${agency}`,
    name: options.name ?? known?.name ?? `Dev User (${agency})`,
    agency_id: agency,
    roles: [...new Set(roles)],
    tenant: options.tenant,
  };
  const email = options.email ?? known?.email;
  return email ? { ...claims, email } : claims;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const claims = await claimsFrom(options);
  const dir = options.dir ? resolve(options.dir) : resolve(ROOT, '.baton', 'dev-issuer');
  const issuer = await DevIssuer.loadOrCreate(dir, {
    issuer: process.env.AUTH_ISSUER || 'http://127.0.0.1:3999',
    audience: process.env.AUTH_AUDIENCE || 'baton',
  });
  const ttl = /^\d+$/.test(options.ttl) ? Number(options.ttl) : options.ttl;
  let token;
  try {
    token = await issuer.sign(claims, { expiresIn: ttl });
  } catch (error) {
    throw error instanceof TypeError
      ? new UsageError(`--ttl is not a time span (e.g. 30m, 8h): ${options.ttl}`)
      : error;
  }
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`token: ${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
