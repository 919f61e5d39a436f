import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthModule, CurrentCaller, Roles, type Caller } from '@baton/auth';
import { loadConfig, ServiceConfig } from '@baton/config';
import { batonWebClient, signInAs, startDevIdentityProvider } from '@baton/dev-identity';
import type { AccessTokenClaims, DevPerson, RunningDevIdentityProvider } from '@baton/dev-identity';
import { TenantDirectory } from '@baton/tenancy';
import { authOptionsFrom } from './auth-from-config.js';

/**
 * The README's Keycloak and Entra ID recipes, each as its variables and a provider issuing tokens shaped the
 * way that product shapes them: the variables alone must make Baton read the right person, agency and roles.
 */

@Controller('v1')
class ExampleController {
  @Get('me')
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Roles('triager')
  @Get('triage/queue')
  queue(): { items: unknown[] } {
    return { items: [] };
  }
}

class RecipeConfig extends ServiceConfig {
  override DATABASE_URL = 'postgres://127.0.0.1/unused';
  override PORT = 0;
}

const tenants = TenantDirectory.load();
const WEB = batonWebClient({ baseUrl: 'http://web.test.invalid', clientSecret: 'test-web-secret' });

function personOf(subject: Parameters<AccessTokenClaims>[0]): DevPerson {
  if (subject.kind !== 'person') throw new Error('these recipes sign people in');
  return subject.person;
}

/** Keycloak: realm roles under realm_access, its own default roles beside Baton's, user attributes as claims. */
const keycloakShaped: AccessTokenClaims = (subject) => {
  const person = personOf(subject);
  const [given, ...family] = person.name.split(' ');
  return {
    typ: 'Bearer',
    azp: 'baton-web',
    preferred_username: person.personId,
    name: person.name,
    given_name: given,
    family_name: family.join(' '),
    email: person.email,
    email_verified: true,
    realm_access: { roles: ['offline_access', 'uma_authorization', `default-roles-${person.tenant}`, ...person.roles] },
    resource_access: { account: { roles: ['manage-account', 'view-profile'] }, baton: { roles: person.roles } },
    agency_id: person.agencyId,
    tenant: person.tenant,
  };
};

const ENTRA_TENANT_ID = '6a3c1f0e-2b4d-4e8f-9a7b-3c5d7e9f1a2b';
const ENTRA_API_CLIENT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
/** Entra names a directory extension claim after the app that owns it: extension_<app id without dashes>_<name>. */
const ENTRA_AGENCY_CLAIM = `extension_${ENTRA_API_CLIENT_ID.replaceAll('-', '')}_agencyId`;
const ENTRA_OBJECT_IDS: Record<string, string> = {
  'hub-triager': '11111111-2222-4333-8444-555555555555',
};
const ENTRA_APP_ROLES: Record<string, string> = {
  practitioner: 'Baton.Practitioner',
  triager: 'Baton.Triager',
  manager: 'Baton.Manager',
  'agency-admin': 'Baton.AgencyAdmin',
  auditor: 'Baton.Auditor',
};

/** Entra ID (v2 access token): oid for the person, tid for the directory, app roles, a directory extension. */
const entraShaped: AccessTokenClaims = (subject) => {
  const person = personOf(subject);
  return {
    ver: '2.0',
    tid: ENTRA_TENANT_ID,
    oid: ENTRA_OBJECT_IDS[person.personId] ?? '99999999-9999-4999-8999-999999999999',
    name: person.name,
    preferred_username: person.email,
    scp: 'access_as_user',
    roles: [...person.roles.map((role) => ENTRA_APP_ROLES[role]), 'Directory.Reader'],
    [ENTRA_AGENCY_CLAIM]: person.agencyId,
  };
};

interface Recipe {
  provider: RunningDevIdentityProvider;
  api: { url: string; close(): Promise<void> };
}

async function startRecipe(
  keysDirectory: string,
  shape: AccessTokenClaims,
  audience: string,
  env: (issuer: string) => Record<string, string>,
): Promise<Recipe> {
  const provider = await startDevIdentityProvider({
    port: 0,
    keysDirectory,
    audience,
    signInClients: [WEB],
    accessTokenClaims: shape,
  });
  const config = loadConfig(RecipeConfig, env(provider.issuer));
  @Module({ imports: [AuthModule.forRoot(authOptionsFrom(config, tenants))], controllers: [ExampleController] })
  class RecipeApp {}
  const moduleRef = await Test.createTestingModule({ imports: [RecipeApp] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { provider, api: { url: await app.getUrl(), close: () => app.close() } };
}

async function callerSignedInAs(recipe: Recipe, personId: string, path = '/v1/me'): Promise<Response> {
  const { tokens } = await signInAs({
    issuer: recipe.provider.issuer,
    clientId: WEB.clientId,
    clientSecret: WEB.clientSecret,
    redirectUri: WEB.redirectUris[0],
    personId,
  });
  return fetch(`${recipe.api.url}${path}`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
}

describe('sign-in recipes from the README', () => {
  let keysDirectory: string;
  const recipes: Recipe[] = [];

  beforeAll(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'baton-recipes-'));
  });

  afterAll(async () => {
    for (const recipe of recipes) {
      await recipe.api.close();
      await recipe.provider.close();
    }
    await rm(keysDirectory, { recursive: true, force: true });
  });

  it("Keycloak: realm roles read from realm_access.roles, Keycloak's own roles ignored", async () => {
    const recipe = await startRecipe(keysDirectory, keycloakShaped, 'baton', (issuer) => ({
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: 'baton',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    }));
    recipes.push(recipe);
    const response = await callerSignedInAs(recipe, 'hub-triager');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      personId: 'hub-triager',
      name: expect.any(String),
      email: expect.stringContaining('@'),
      agencyId: 'demo-early-help-hub',
      roles: ['triager', 'practitioner'],
      tenant: 'demo',
    });
    expect((await callerSignedInAs(recipe, 'hub-triager', '/v1/triage/queue')).status).toBe(200);
  });

  it('Keycloak: client roles read from resource_access.baton.roles', async () => {
    const recipe = await startRecipe(keysDirectory, keycloakShaped, 'baton', (issuer) => ({
      AUTH_ISSUER: issuer,
      AUTH_ROLES_CLAIM: 'resource_access.baton.roles',
    }));
    recipes.push(recipe);
    const response = await callerSignedInAs(recipe, 'yot-manager');
    expect(await response.json()).toMatchObject({ personId: 'yot-manager', roles: ['manager'] });
  });

  it("Keycloak: realm roles mapped to a top-level roles claim, Keycloak's own values among them ignored", async () => {
    const topLevelRoles: AccessTokenClaims = (subject) => {
      const claims = keycloakShaped(subject);
      return { ...claims, roles: (claims.realm_access as { roles: string[] }).roles };
    };
    const recipe = await startRecipe(keysDirectory, topLevelRoles, 'baton', (issuer) => ({ AUTH_ISSUER: issuer }));
    recipes.push(recipe);
    const response = await callerSignedInAs(recipe, 'hub-triager');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ roles: ['triager', 'practitioner'] });
  });

  it('Entra ID: oid, tid mapped to a tenant, app role values mapped, agency from a directory extension', async () => {
    const recipe = await startRecipe(keysDirectory, entraShaped, ENTRA_API_CLIENT_ID, (issuer) => ({
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: ENTRA_API_CLIENT_ID,
      AUTH_PERSON_CLAIM: 'oid',
      AUTH_EMAIL_CLAIM: 'preferred_username',
      AUTH_AGENCY_CLAIM: ENTRA_AGENCY_CLAIM,
      AUTH_TENANT_CLAIM: 'tid',
      AUTH_TENANT_MAP: `${ENTRA_TENANT_ID}=demo`,
      AUTH_ROLE_MAP:
        'Baton.Practitioner=practitioner,Baton.Triager=triager,Baton.Manager=manager,Baton.AgencyAdmin=agency-admin,Baton.Auditor=auditor',
    }));
    recipes.push(recipe);
    const response = await callerSignedInAs(recipe, 'hub-triager');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      personId: ENTRA_OBJECT_IDS['hub-triager'],
      name: expect.any(String),
      email: expect.stringContaining('@'),
      agencyId: 'demo-early-help-hub',
      roles: ['triager', 'practitioner'],
      tenant: 'demo',
    });
    expect((await callerSignedInAs(recipe, 'hub-triager', '/v1/triage/queue')).status).toBe(200);
  });

  it('Entra ID: a directory that is not mapped to a tenant is refused, naming the claim', async () => {
    const recipe = await startRecipe(keysDirectory, entraShaped, ENTRA_API_CLIENT_ID, (issuer) => ({
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: ENTRA_API_CLIENT_ID,
      AUTH_PERSON_CLAIM: 'oid',
      AUTH_AGENCY_CLAIM: ENTRA_AGENCY_CLAIM,
      AUTH_TENANT_CLAIM: 'tid',
    }));
    recipes.push(recipe);
    const response = await callerSignedInAs(recipe, 'hub-triager');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(
      `tid claim names a tenant Baton does not serve: ${ENTRA_TENANT_ID}`,
    );
  });
});
