import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantDirectory, UnknownTenantError, defaultTenantConfigDir } from './tenant-directory.js';
import { TenantConfigError } from './validate-tenant.js';

const demoFile = join(defaultTenantConfigDir(), 'demo.json');
const demoJson = (): Record<string, unknown> => JSON.parse(readFileSync(demoFile, 'utf8')) as Record<string, unknown>;

describe('the demo tenant file', () => {
  const directory = TenantDirectory.load(defaultTenantConfigDir());

  it('loads from the repository config directory as Demo Borough Council', () => {
    expect(directory.codes()).toContain('demo');
    const demo = directory.requireTenant('demo');
    expect(demo.name).toBe('Demo Borough Council');
    expect(demo.reviewCadenceWeeks).toBe(6);
  });

  it('sends referrals to the early help hub by default', () => {
    const demo = directory.requireTenant('demo');
    expect(directory.agency(demo, demo.referralFrontDoorAgencyId)).toMatchObject({
      id: 'demo-early-help-hub',
      kind: 'early-help',
      receivesReferrals: true,
    });
  });

  it('labels the four levels of need', () => {
    expect([1, 2, 3, 4].map((level) => directory.levelLabel('demo', level)?.label)).toEqual([
      'Universal',
      'Additional needs',
      'Complex needs (Team Around the Family)',
      'Acute / statutory',
    ]);
  });

  it('has the demo people the token script issues tokens for', () => {
    expect(directory.person('demo', 'hub-triager')).toMatchObject({
      agencyId: 'demo-early-help-hub',
      roles: expect.arrayContaining(['triager']),
    });
    expect(directory.person('demo', 'school-dsl')?.agencyId).toBe('demo-oakfield-primary');
    expect(directory.person('demo', 'hub-admin')?.roles).toEqual(['agency-admin']);
  });

  it('finds teams and answers undefined for unknown ids or tenants', () => {
    expect(directory.team('demo', 'demo-hub-triage')?.agencyId).toBe('demo-early-help-hub');
    expect(directory.agency('demo', 'no-such-agency')).toBeUndefined();
    expect(directory.agency('elsewhere', 'demo-yot')).toBeUndefined();
    expect(directory.tenant('elsewhere')).toBeUndefined();
  });

  it('maps needs to the ten national Supporting Families headline outcomes when the file lists none', () => {
    const demo = directory.requireTenant('demo');
    expect(demo.headlineOutcomes.map((o) => o.code)).toEqual([
      'education',
      'early-years',
      'health',
      'substance-use',
      'family-relationships',
      'safety-from-abuse',
      'crime',
      'domestic-abuse',
      'housing',
      'financial-stability',
    ]);
    expect(directory.headlineOutcome('demo', 'housing')?.label).toBe('Secure housing');
    expect(directory.headlineOutcome('demo', 'astrology')).toBeUndefined();
  });

  it('gives demo practitioners a job title and phone for plan contacts', () => {
    expect(directory.person('demo', 'hub-triager')).toMatchObject({
      jobTitle: 'Early help practitioner',
      phone: '01632 960101',
    });
  });

  it('throws for a tenant that must exist but does not', () => {
    expect(() => directory.requireTenant('elsewhere')).toThrow(UnknownTenantError);
  });
});

describe('TenantDirectory.load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-tenancy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with an error naming the file, the field and the rule', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...demoJson(), referralFrontDoorAgencyId: 'demo-police' }));
    expect(() => TenantDirectory.load(dir)).toThrow(TenantConfigError);
    expect(() => TenantDirectory.load(dir)).toThrow(
      `Invalid tenant configuration ${file}:\n  - referralFrontDoorAgencyId: agency demo-police does not receive referrals [receivesReferrals]`,
    );
  });

  it('names a file that is not JSON', () => {
    writeFileSync(join(dir, 'half.json'), '{ "code": ');
    expect(() => TenantDirectory.load(dir)).toThrow(/half\.json:\n {2}- \(file\): cannot be read as JSON/);
  });

  it('refuses two files with the same tenant code', () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(demoJson()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(demoJson()));
    expect(() => TenantDirectory.load(dir)).toThrow(
      /b\.json:\n {2}- code: demo is also the code in .*a\.json \[unique\]/,
    );
  });

  it("takes an authority's own headline outcomes, and refuses a code listed twice", () => {
    const own = [
      { code: 'education', label: 'Learning' },
      { code: 'housing', label: 'A safe home' },
    ];
    writeFileSync(join(dir, 'own.json'), JSON.stringify({ ...demoJson(), headlineOutcomes: own }));
    expect(TenantDirectory.load(dir).headlineOutcome('demo', 'housing')?.label).toBe('A safe home');
    writeFileSync(join(dir, 'own.json'), JSON.stringify({ ...demoJson(), headlineOutcomes: [...own, own[0]] }));
    expect(() => TenantDirectory.load(dir)).toThrow(
      /headlineOutcomes\[2\]\.code: education is used more than once \[unique\]/,
    );
  });

  it('refuses a review cadence outside 6 to 12 weeks', () => {
    writeFileSync(join(dir, 'slow.json'), JSON.stringify({ ...demoJson(), reviewCadenceWeeks: 13 }));
    expect(() => TenantDirectory.load(dir)).toThrow(
      /reviewCadenceWeeks: reviewCadenceWeeks must not be greater than 12 \[max\]/,
    );
  });

  it('refuses an empty or missing directory', () => {
    expect(() => TenantDirectory.load(dir)).toThrow(/holds no tenant \.json files/);
    expect(() => TenantDirectory.load(join(dir, 'missing'))).toThrow(/cannot be read/);
  });
});

describe('TenantDirectory.fromConfigs', () => {
  it('validates configs given in code and names them by position', () => {
    const bad = { ...demoJson(), code: 'demo.two' };
    expect(() => TenantDirectory.fromConfigs([demoJson(), bad])).toThrow(/configs\[1\]:\n {2}- code: /);
  });

  it('accepts a TenantConfig already validated', () => {
    const demo = TenantDirectory.fromConfigs([demoJson()]).requireTenant('demo');
    expect(TenantDirectory.fromConfigs([demo]).codes()).toEqual(['demo']);
  });
});
