import { TenantConfig } from './tenant-config.js';
import { TenantConfigError, validateTenantConfig } from './validate-tenant.js';

type Plain = Record<string, unknown> & {
  agencies: Record<string, unknown>[];
  teams: Record<string, unknown>[];
  levelsOfNeed: Record<string, unknown>[];
  people: Record<string, unknown>[];
};

function sampleTenant(): Plain {
  return {
    code: 'sample-la',
    name: 'Sample Test Council',
    referralFrontDoorAgencyId: 'front-door',
    agencies: [
      { id: 'front-door', name: 'Front Door', kind: 'early-help', receivesReferrals: true },
      {
        id: 'a-school',
        name: 'A School',
        kind: 'school',
        receivesReferrals: false,
        email: 'office@school.example.org',
      },
    ],
    teams: [{ id: 'triage', name: 'Triage', agencyId: 'front-door' }],
    levelsOfNeed: [1, 2, 3, 4].map((level) => ({ level, label: `Level ${level}`, description: `Needs at ${level}` })),
    reviewCadenceWeeks: 8,
    people: [
      { personId: 'tri', name: 'Tess Tri', email: 'tess@example.org', agencyId: 'front-door', roles: ['triager'] },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  try {
    validateTenantConfig(input, 'sample.json');
  } catch (error) {
    if (error instanceof TenantConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the tenant to be rejected');
}

describe('validateTenantConfig', () => {
  it('accepts a complete tenant and returns a frozen TenantConfig', () => {
    const tenant = validateTenantConfig(sampleTenant(), 'sample.json');
    expect(tenant).toBeInstanceOf(TenantConfig);
    expect(tenant.reviewCadenceWeeks).toBe(8);
    expect(Object.isFrozen(tenant.agencies[0])).toBe(true);
  });

  it('defaults the review cadence to six weeks', () => {
    const { reviewCadenceWeeks: _omitted, ...withoutCadence } = sampleTenant();
    expect(validateTenantConfig(withoutCadence, 'sample.json').reviewCadenceWeeks).toBe(6);
  });

  it('names the source, the field path and the rule', () => {
    const tenant = sampleTenant();
    tenant.agencies[1].kind = 'library';
    expect(() => validateTenantConfig(tenant, 'sample.json')).toThrow(
      /sample\.json[\s\S]*agencies\[1\]\.kind: .*\[isIn\]/,
    );
  });

  it('rejects an unknown field, even nested', () => {
    const tenant = sampleTenant();
    tenant.people[0].mobile = '0000';
    tenant.colour = 'blue';
    expect(problemsOf(tenant)).toEqual(
      expect.arrayContaining([
        'colour: property colour should not exist [whitelistValidation]',
        'people[0].mobile: property mobile should not exist [whitelistValidation]',
      ]),
    );
  });

  it.each(['demo.la', 'demo.*', 'demo.>', 'Demo', 'demo_la', ''])(
    'rejects %j as a code usable in NATS subjects',
    (code) => {
      expect(problemsOf({ ...sampleTenant(), code })).toEqual([
        expect.stringMatching(/^code: .*no dots or wildcards \[matches\]$/),
      ]);
    },
  );

  it('rejects a review cadence outside 6 to 12 weeks', () => {
    expect(problemsOf({ ...sampleTenant(), reviewCadenceWeeks: 13 })).toEqual([
      expect.stringMatching(/^reviewCadenceWeeks: .*\[max\]$/),
    ]);
    expect(problemsOf({ ...sampleTenant(), reviewCadenceWeeks: 5 })).toEqual([
      expect.stringMatching(/^reviewCadenceWeeks: .*\[min\]$/),
    ]);
  });

  it('rejects a role no one can hold', () => {
    const tenant = sampleTenant();
    tenant.people[0].roles = ['triager', 'superuser'];
    expect(problemsOf(tenant)).toEqual([expect.stringMatching(/^people\[0\]\.roles: .*\[isIn\]$/)]);
  });

  it('rejects a file that is not an object', () => {
    expect(problemsOf([])).toEqual(['(root): must be a JSON object [isObject]']);
  });
});

describe('cross-checks after validation', () => {
  it('rejects an agency id used twice', () => {
    const tenant = sampleTenant();
    tenant.agencies.push({ ...tenant.agencies[1] });
    expect(problemsOf(tenant)).toEqual(['agencies[2].id: a-school is used more than once [unique]']);
  });

  it('rejects a team of an agency that does not exist', () => {
    const tenant = sampleTenant();
    tenant.teams[0].agencyId = 'nowhere';
    expect(problemsOf(tenant)).toEqual(['teams[0].agencyId: no agency with id nowhere [knownAgency]']);
  });

  it('rejects a person at an agency that does not exist', () => {
    const tenant = sampleTenant();
    tenant.people[0].agencyId = 'nowhere';
    expect(problemsOf(tenant)).toEqual(['people[0].agencyId: no agency with id nowhere [knownAgency]']);
  });

  it('rejects a front door that does not exist', () => {
    expect(problemsOf({ ...sampleTenant(), referralFrontDoorAgencyId: 'nowhere' })).toEqual([
      'referralFrontDoorAgencyId: no agency with id nowhere [knownAgency]',
    ]);
  });

  it('rejects a front door that does not receive referrals', () => {
    expect(problemsOf({ ...sampleTenant(), referralFrontDoorAgencyId: 'a-school' })).toEqual([
      'referralFrontDoorAgencyId: agency a-school does not receive referrals [receivesReferrals]',
    ]);
  });

  it('rejects levels of need that are not exactly 1 to 4', () => {
    const repeated = sampleTenant();
    repeated.levelsOfNeed[3].level = 3;
    expect(problemsOf(repeated)).toEqual([
      'levelsOfNeed: must label each of levels 1, 2, 3 and 4 once (got 1, 2, 3, 3) [levelsOneToFour]',
    ]);
    const three = sampleTenant();
    three.levelsOfNeed.pop();
    expect(problemsOf(three)).toEqual([expect.stringMatching(/^levelsOfNeed: .*\[arrayMinSize\]$/)]);
  });

  describe('retention', () => {
    it('keeps Baton’s defaults until the tenant gives its own, and takes its own for the kinds it names', () => {
      expect(validateTenantConfig(sampleTenant(), 'sample.json').retention).toEqual([]);
      const own = { kind: 'parenting-order', from: 'order-end', years: 3 };
      expect(validateTenantConfig({ ...sampleTenant(), retention: [own] }, 'sample.json').retention).toEqual([own]);
    });

    it('names an unknown kind, an unknown start and a negative period by field and rule', () => {
      const retention = [
        { kind: 'diary', from: 'closure', years: 1 },
        { kind: 'notification', from: 'yesterday', years: 1 },
        { kind: 'access-record', from: 'created', years: -1 },
      ];
      expect(problemsOf({ ...sampleTenant(), retention })).toEqual([
        expect.stringMatching(/^retention\[0\]\.kind: .*\[isIn\]$/),
        expect.stringMatching(/^retention\[1\]\.from: .*\[isIn\]$/),
        expect.stringMatching(/^retention\[2\]\.years: .*\[min\]$/),
      ]);
    });

    it('refuses a kind given twice, a start that does not fit the kind and an empty period', () => {
      const retention = [
        { kind: 'parenting-order', from: 'order-end', years: 3 },
        { kind: 'parenting-order', from: 'order-end', years: 4 },
        { kind: 'notification', from: 'order-end', years: 1 },
        { kind: 'referral-not-accepted', from: 'closure' },
      ];
      expect(problemsOf({ ...sampleTenant(), retention })).toEqual([
        'retention[1].kind: parenting-order is given more than once [unique]',
        'retention[2].from: a notification period runs from created or family-erased [retentionStartFits]',
        'retention[3]: give years, months or days greater than 0 [retentionPeriodNotEmpty]',
      ]);
    });
  });
});
