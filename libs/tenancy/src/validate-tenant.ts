import 'reflect-metadata';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { retentionProblems } from './retention-schedule.js';
import { LEVELS_OF_NEED, TenantConfig } from './tenant-config.js';

/** A tenant file that cannot be used; start-up stops. Each problem is `field.path: message [rule]`. */
export class TenantConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid tenant configuration ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TenantConfigError';
  }
}

function fieldPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function describeErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => `${path}: ${message} [${rule}]`);
    return [...own, ...describeErrors(error.children ?? [], path)];
  });
}

/** Names each repeat of an id, after its first use. */
function checkUnique(ids: string[], field: (index: number) => string): string[] {
  return ids.flatMap((id, index) =>
    ids.indexOf(id) !== index ? [`${field(index)}: ${id} is used more than once [unique]`] : [],
  );
}

/** Rules that span fields: references between agencies, teams and people, and the four levels. */
function crossCheck(tenant: TenantConfig): string[] {
  const agencies = new Map(tenant.agencies.map((agency) => [agency.id, agency]));
  const unknownAgency = (field: string, id: string): string => `${field}: no agency with id ${id} [knownAgency]`;
  const problems = [
    ...checkUnique(
      tenant.agencies.map((a) => a.id),
      (i) => `agencies[${i}].id`,
    ),
    ...checkUnique(
      tenant.teams.map((t) => t.id),
      (i) => `teams[${i}].id`,
    ),
    ...checkUnique(
      tenant.people.map((p) => p.personId),
      (i) => `people[${i}].personId`,
    ),
    ...checkUnique(
      tenant.headlineOutcomes.map((o) => o.code),
      (i) => `headlineOutcomes[${i}].code`,
    ),
    ...tenant.teams.flatMap((t, i) =>
      agencies.has(t.agencyId) ? [] : [unknownAgency(`teams[${i}].agencyId`, t.agencyId)],
    ),
    ...tenant.people.flatMap((p, i) =>
      agencies.has(p.agencyId) ? [] : [unknownAgency(`people[${i}].agencyId`, p.agencyId)],
    ),
  ];
  const frontDoor = agencies.get(tenant.referralFrontDoorAgencyId);
  if (!frontDoor) problems.push(unknownAgency('referralFrontDoorAgencyId', tenant.referralFrontDoorAgencyId));
  else if (!frontDoor.receivesReferrals) {
    problems.push(`referralFrontDoorAgencyId: agency ${frontDoor.id} does not receive referrals [receivesReferrals]`);
  }
  const levels = tenant.levelsOfNeed.map((l) => l.level).sort((a, b) => a - b);
  if (levels.join() !== LEVELS_OF_NEED.join()) {
    problems.push(
      `levelsOfNeed: must label each of levels 1, 2, 3 and 4 once (got ${levels.join(', ')}) [levelsOneToFour]`,
    );
  }
  problems.push(...retentionProblems(tenant.retention));
  return problems;
}

/**
 * Turns parsed JSON (or a TenantConfig built in code) into a validated, frozen TenantConfig.
 * Unknown fields are errors, as a misspelt optional field would otherwise be silently ignored.
 */
export function validateTenantConfig(input: unknown, source: string): TenantConfig {
  const plain = input instanceof TenantConfig ? instanceToPlain(input) : input;
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new TenantConfigError(source, ['(root): must be a JSON object [isObject]']);
  }
  const tenant = plainToInstance(TenantConfig, plain, { exposeDefaultValues: true });
  const errors = validateSync(tenant, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new TenantConfigError(source, describeErrors(errors));
  const problems = crossCheck(tenant);
  if (problems.length > 0) throw new TenantConfigError(source, problems);
  return deepFreeze(tenant);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
