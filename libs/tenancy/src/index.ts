export {
  AGENCY_KINDS,
  LEVELS_OF_NEED,
  PERSON_ROLES,
  SLUG,
  AgencyConfig,
  HeadlineOutcomeConfig,
  SUPPORTING_FAMILIES_HEADLINE_OUTCOMES,
  LevelOfNeedLabel,
  PersonConfig,
  TeamConfig,
  TenantConfig,
  type AgencyKind,
  type LevelOfNeed,
  type PersonRole,
} from './tenant-config.js';
export { TenantConfigError, validateTenantConfig } from './validate-tenant.js';
export { TenantDirectory, UnknownTenantError, defaultTenantConfigDir } from './tenant-directory.js';
export {
  DEFAULT_RETENTION,
  RECORD_KINDS,
  RETENTION_STARTS,
  RetentionRule,
  effectiveRetention,
  type RecordKind,
  type RetentionStart,
} from './retention-schedule.js';
export {
  erasableFrom,
  holdsInForce,
  retentionVerdict,
  type LegalHold,
  type RecordDates,
  type RetentionVerdict,
} from './retention-rules.js';
