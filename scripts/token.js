// Prints a development bearer token from the development identity provider (the one `npm start` runs).
// Usage: npm run token -- --person <person id>      a person of the tenant files, signed in on the provider's page
//        npm run token -- --agency <agency id>      that agency's system, with client credentials
// When no provider answers at AUTH_ISSUER (default http://127.0.0.1:3999) one is started for the moment,
// with the same keys (.baton/dev-identity), so the token is good for the services either way.
import { parseArgs } from 'node:util';
import { startDevelopmentProvider, tokenForAgencySystem, tokenForPerson } from './lib-start/tokens.js';

const USAGE =
  'Usage: npm run token -- --person <person id>    (a person of config/tenants/*.json)\n' +
  '       npm run token -- --agency <agency id> [--tenant demo]    (the agency system, client credentials)\n' +
  'The token comes from the development identity provider at AUTH_ISSUER (default http://127.0.0.1:3999).';
const GONE = ['role', 'name', 'email', 'ttl', 'dir'];

class UsageError extends Error {}

function parseOptions(argv) {
  try {
    return parseArgs({
      args: argv,
      options: {
        person: { type: 'string' },
        agency: { type: 'string' },
        tenant: { type: 'string', default: 'demo' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(GONE.map((name) => [name, { type: 'string', multiple: true }])),
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
}

/** The provider at issuer if one answers; otherwise one started here on the issuer's port, for this token. */
async function withProvider(issuer, use) {
  const answers = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );
  if (answers) return use(issuer);
  const { hostname, port } = new URL(issuer);
  if (!['127.0.0.1', 'localhost'].includes(hostname)) {
    throw new Error(`no identity provider answers at ${issuer}`);
  }
  const provider = await startDevelopmentProvider({ port: Number(port || 80), host: '127.0.0.1', issuer });
  try {
    return await use(provider.issuer);
  } finally {
    await provider.close();
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const gone = GONE.filter((name) => options[name] !== undefined);
  if (gone.length > 0) {
    throw new UsageError(
      `--${gone.join(', --')} no longer exist: tokens come from the development identity provider, which signs in ` +
        'the people of the tenant files with their own roles. Choose a --person, or add one to config/tenants/<tenant>.json.',
    );
  }
  if ((options.person === undefined) === (options.agency === undefined)) {
    throw new UsageError('give exactly one of --person and --agency');
  }
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.tenant))
    throw new UsageError(`--tenant is not a tenant code: ${options.tenant}`);
  const issuer = (process.env.AUTH_ISSUER || 'http://127.0.0.1:3999').replace(/\/+$/, '');
  const token = await withProvider(issuer, (at) =>
    options.person !== undefined
      ? tokenForPerson(at, options.person).catch((error) => {
          throw /not listed|stopped at/.test(error.message)
            ? new UsageError(`no person ${options.person} in the tenant files (config/tenants/*.json)`)
            : error;
        })
      : tokenForAgencySystem(at, `${options.tenant}.${options.agency}.system`).catch((error) => {
          throw error.status === 401
            ? new UsageError(
                `no agency ${options.agency} in tenant ${options.tenant} (config/tenants/${options.tenant}.json)`,
              )
            : error;
        }),
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`token: ${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
