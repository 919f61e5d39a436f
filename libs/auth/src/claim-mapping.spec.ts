import { DEFAULT_CLAIM_MAPPING, claimAt, parseValueMap } from './claim-mapping.js';
import { callerFromClaims } from './caller.js';

describe('claimAt', () => {
  const claims = {
    sub: 'p-1',
    realm_access: { roles: ['triager'] },
    resource_access: { baton: { roles: ['manager'] } },
    'extn.agencyId': 'demo-yot',
  };

  it('reads a claim by name, or a nested claim by dot path', () => {
    expect(claimAt(claims, 'sub')).toBe('p-1');
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['triager']);
    expect(claimAt(claims, 'resource_access.baton.roles')).toEqual(['manager']);
  });

  it('takes a claim whose own name holds a dot before walking a path', () => {
    expect(claimAt(claims, 'extn.agencyId')).toBe('demo-yot');
  });

  it('finds nothing where a step is missing or not an object', () => {
    expect(claimAt(claims, 'resource_access.account.roles')).toBeUndefined();
    expect(claimAt(claims, 'sub.length')).toBeUndefined();
    expect(claimAt(claims, 'realm_access.roles.constructor')).toBeUndefined();
  });
});

describe('parseValueMap', () => {
  it('reads providerValue=batonValue pairs, trimming spaces', () => {
    expect(parseValueMap('Baton.Triager=triager, Baton.Manager = manager', 'AUTH_ROLE_MAP')).toEqual({
      'Baton.Triager': 'triager',
      'Baton.Manager': 'manager',
    });
    expect(parseValueMap('', 'AUTH_ROLE_MAP')).toEqual({});
  });

  it('names the variable and the entry that is not a pair', () => {
    expect(() => parseValueMap('Baton.Triager=triager,manager', 'AUTH_ROLE_MAP')).toThrow(
      'AUTH_ROLE_MAP: "manager" is not of the form providerValue=batonValue',
    );
  });
});

describe('callerFromClaims with a mapping and known tenancy', () => {
  const tenancy = {
    tenant: (code: string) => (code === 'demo' ? {} : undefined),
    agency: (tenant: string, agency: string) => (tenant === 'demo' && agency === 'demo-yot' ? {} : undefined),
  };
  const entra = {
    ...DEFAULT_CLAIM_MAPPING,
    person: 'oid',
    tenant: 'tid',
    agency: 'extension_agencyId',
    roleValues: { 'Baton.Manager': 'manager' },
    tenantValues: { 'a-directory-id': 'demo' },
  };

  it('maps provider values to Baton roles and tenant codes, ignoring roles it does not know', () => {
    const caller = callerFromClaims(
      { oid: 'o-1', tid: 'a-directory-id', extension_agencyId: 'demo-yot', roles: ['Baton.Manager', 'Baton.Other'] },
      entra,
      tenancy,
    );
    expect(caller).toEqual({ personId: 'o-1', name: 'o-1', agencyId: 'demo-yot', roles: ['manager'], tenant: 'demo' });
  });

  it('refuses a person missing under the configured claim, naming it', () => {
    expect(() => callerFromClaims({ sub: 's', tid: 'a-directory-id', extension_agencyId: 'demo-yot' }, entra)).toThrow(
      'missing oid claim',
    );
  });

  it('refuses an unknown tenant or agency, naming the claim and the value as the token gave it', () => {
    expect(() =>
      callerFromClaims({ oid: 'o', tid: 'another-directory', extension_agencyId: 'demo-yot' }, entra, tenancy),
    ).toThrow('tid claim names a tenant Baton does not serve: another-directory');
    expect(() =>
      callerFromClaims({ oid: 'o', tid: 'a-directory-id', extension_agencyId: 'demo-csc' }, entra, tenancy),
    ).toThrow('extension_agencyId claim names an agency tenant demo does not have: demo-csc');
  });
});
