import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RetentionRule } from './retention-schedule.js';

export const AGENCY_KINDS = [
  'school',
  'youth-offending-team',
  'adult-services',
  'health-visiting',
  'police',
  'housing',
  'anti-social-behaviour-team',
  'education-welfare',
  'childrens-social-care',
  'early-help',
  'voluntary',
  'gp',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The roles a person may hold; the same names as the `roles` claim @baton/auth reads. */
export const PERSON_ROLES = ['practitioner', 'triager', 'manager', 'agency-admin', 'auditor'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const LEVELS_OF_NEED = [1, 2, 3, 4] as const;
export type LevelOfNeed = (typeof LEVELS_OF_NEED)[number];

/** Lowercase words joined by single hyphens: safe as a NATS subject token and in a URL. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugMessage = (what: string): string => `${what} must be a lowercase slug (a-z, 0-9, single hyphens)`;

export class AgencyConfig {
  @Matches(SLUG, { message: slugMessage('id') })
  id: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @IsBoolean()
  receivesReferrals: boolean;

  @IsOptional()
  @IsEmail()
  email?: string;
}

export class TeamConfig {
  @Matches(SLUG, { message: slugMessage('id') })
  id: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsString()
  agencyId: string;
}

/** An authority's own words for a level of need; the levels themselves are fixed (DOMAIN.md). */
export class LevelOfNeedLabel {
  @IsInt()
  @IsIn(LEVELS_OF_NEED)
  level: LevelOfNeed;

  @IsString()
  @IsNotEmpty()
  label: string;

  @IsString()
  @IsNotEmpty()
  description: string;
}

/**
 * A Supporting Families headline outcome as this authority words it. The ten headlines are the national
 * Supporting Families Outcomes Framework (DLUHC, 2022); an authority may reword or add its own.
 */
export class HeadlineOutcomeConfig {
  @Matches(SLUG, { message: slugMessage('code') })
  code: string;

  @IsString()
  @IsNotEmpty()
  label: string;
}

/** The national headline outcomes, used when a tenant file lists none. */
export const SUPPORTING_FAMILIES_HEADLINE_OUTCOMES: readonly { code: string; label: string }[] = [
  { code: 'education', label: 'Getting a good education' },
  { code: 'early-years', label: 'Good early years development' },
  { code: 'health', label: 'Improved mental and physical health' },
  { code: 'substance-use', label: 'Promoting recovery and reducing harm from substance use' },
  { code: 'family-relationships', label: 'Improved family relationships' },
  { code: 'safety-from-abuse', label: 'Children safe from abuse and exploitation' },
  { code: 'crime', label: 'Crime prevention and tackling crime' },
  { code: 'domestic-abuse', label: 'Safe from domestic abuse' },
  { code: 'housing', label: 'Secure housing' },
  { code: 'financial-stability', label: 'Financial stability' },
];

function defaultHeadlineOutcomes(): HeadlineOutcomeConfig[] {
  return SUPPORTING_FAMILIES_HEADLINE_OUTCOMES.map((o) => Object.assign(new HeadlineOutcomeConfig(), o));
}

/** A development or demo person: the token script issues tokens for them. */
export class PersonConfig {
  @Matches(SLUG, { message: slugMessage('personId') })
  personId: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsEmail()
  email: string;

  @IsString()
  agencyId: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(PERSON_ROLES, { each: true })
  roles: PersonRole[];

  /** Their job, shown with their name, e.g. on a plan's lead professional. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  jobTitle?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  phone?: string;
}

/** One local authority's reference data, read from `<TENANT_CONFIG_DIR>/<file>.json`. */
export class TenantConfig {
  /** The tenant token in NATS subjects (`baton.<code>.…`), so no dots or wildcards. */
  @Matches(SLUG, { message: `${slugMessage('code')}; it is a NATS subject token, so no dots or wildcards` })
  code: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsString()
  referralFrontDoorAgencyId: string;

  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => AgencyConfig)
  agencies: AgencyConfig[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TeamConfig)
  teams: TeamConfig[];

  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LevelOfNeedLabel)
  levelsOfNeed: LevelOfNeedLabel[];

  /** Local practice, not law: TAF reviews are commonly every 6 to 12 weeks. */
  @IsInt()
  @Min(6)
  @Max(12)
  reviewCadenceWeeks: number = 6;

  /** Outcomes a TAF plan's needs map to; the national Supporting Families headlines unless listed. */
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => HeadlineOutcomeConfig)
  headlineOutcomes: HeadlineOutcomeConfig[] = defaultHeadlineOutcomes();

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PersonConfig)
  people: PersonConfig[] = [];

  /**
   * The authority's own retention periods, each replacing Baton's default for its kind of record
   * (`DEFAULT_RETENTION`; README, "Records and retention"). Kinds not listed keep the default.
   */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RetentionRule)
  retention: RetentionRule[] = [];
}
