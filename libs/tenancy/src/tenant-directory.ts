import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AgencyConfig,
  HeadlineOutcomeConfig,
  LevelOfNeedLabel,
  PersonConfig,
  TeamConfig,
  TenantConfig,
} from './tenant-config.js';
import { TenantConfigError, validateTenantConfig } from './validate-tenant.js';

/** `<repo>/config/tenants`, found from this file (`libs/tenancy/src` or `libs/tenancy/dist`). */
export function defaultTenantConfigDir(): string {
  return fileURLToPath(new URL('../../../config/tenants', import.meta.url));
}

export class UnknownTenantError extends Error {
  constructor(readonly code: string) {
    super(`No tenant with code ${JSON.stringify(code)}`);
    this.name = 'UnknownTenantError';
  }
}

function readTenantFile(file: string): TenantConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TenantConfigError(file, [`(file): cannot be read as JSON: ${(error as Error).message} [json]`]);
  }
  return validateTenantConfig(json, file);
}

/** Every local authority this deployment serves, validated at start-up and read-only after. */
export class TenantDirectory {
  private readonly tenants: ReadonlyMap<string, TenantConfig>;

  private constructor(entries: { source: string; tenant: TenantConfig }[]) {
    const tenants = new Map<string, TenantConfig>();
    const sources = new Map<string, string>();
    for (const { source, tenant } of entries) {
      const earlier = sources.get(tenant.code);
      if (earlier)
        throw new TenantConfigError(source, [`code: ${tenant.code} is also the code in ${earlier} [unique]`]);
      tenants.set(tenant.code, tenant);
      sources.set(tenant.code, source);
    }
    this.tenants = tenants;
  }

  /** Reads every `*.json` in `dir` (e.g. TENANT_CONFIG_DIR, else {@link defaultTenantConfigDir}). */
  static load(dir: string = defaultTenantConfigDir()): TenantDirectory {
    let files: string[];
    try {
      files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    } catch (error) {
      throw new TenantConfigError(dir, [`(directory): cannot be read: ${(error as Error).message} [directory]`]);
    }
    if (files.length === 0) throw new TenantConfigError(dir, ['(directory): holds no tenant .json files [notEmpty]']);
    const entries = files.sort().map((name) => ({ source: join(dir, name), tenant: readTenantFile(join(dir, name)) }));
    return new TenantDirectory(entries);
  }

  /** Builds a directory from configs in code (tests, tools), validated like files. */
  static fromConfigs(configs: TenantConfig[] | object[]): TenantDirectory {
    return new TenantDirectory(
      configs.map((config, index) => {
        const source = `configs[${index}]`;
        return { source, tenant: validateTenantConfig(config, source) };
      }),
    );
  }

  codes(): string[] {
    return [...this.tenants.keys()].sort();
  }

  tenant(code: string): TenantConfig | undefined {
    return this.tenants.get(code);
  }

  requireTenant(code: string): TenantConfig {
    const tenant = this.tenants.get(code);
    if (!tenant) throw new UnknownTenantError(code);
    return tenant;
  }

  agency(tenant: string | TenantConfig, agencyId: string): AgencyConfig | undefined {
    return this.resolve(tenant)?.agencies.find((agency) => agency.id === agencyId);
  }

  team(tenant: string | TenantConfig, teamId: string): TeamConfig | undefined {
    return this.resolve(tenant)?.teams.find((team) => team.id === teamId);
  }

  person(tenant: string | TenantConfig, personId: string): PersonConfig | undefined {
    return this.resolve(tenant)?.people.find((person) => person.personId === personId);
  }

  headlineOutcome(tenant: string | TenantConfig, code: string): HeadlineOutcomeConfig | undefined {
    return this.resolve(tenant)?.headlineOutcomes.find((outcome) => outcome.code === code);
  }

  levelLabel(tenant: string | TenantConfig, level: number): LevelOfNeedLabel | undefined {
    return this.resolve(tenant)?.levelsOfNeed.find((label) => label.level === level);
  }

  private resolve(tenant: string | TenantConfig): TenantConfig | undefined {
    return typeof tenant === 'string' ? this.tenants.get(tenant) : tenant;
  }
}
