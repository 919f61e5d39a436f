import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVELS_OF_NEED } from '@baton/contracts';

export class CodeLabelView {
  @ApiProperty({ example: '3A' })
  code: string;

  @ApiProperty({ example: 'Schools' })
  label: string;
}

export class LevelOfNeedLabelView {
  @ApiProperty({ type: 'integer', enum: LEVELS_OF_NEED })
  level: number;

  @ApiProperty({ example: 'Targeted early help' })
  label: string;

  @ApiProperty()
  description: string;
}

export class ReferenceAgencyView {
  @ApiProperty({ example: 'rivermead-primary' })
  id: string;

  @ApiProperty({ example: 'Rivermead Primary School' })
  name: string;

  @ApiProperty({ example: 'school' })
  kind: string;

  @ApiProperty()
  receivesReferrals: boolean;
}

export class ReferenceTeamView {
  @ApiProperty({ example: 'demo-hub-family-support' })
  id: string;

  @ApiProperty({ example: 'Family support (hub)' })
  name: string;

  @ApiProperty({ example: 'demo-front-door' })
  agencyId: string;
}

/** The code lists a referral form needs, with the caller's authority's own labels. */
export class ReferralReferenceView {
  @ApiProperty({ type: [CodeLabelView], description: 'CIN census referral sources' })
  referralSources: CodeLabelView[];

  @ApiProperty({ type: [LevelOfNeedLabelView], description: "The authority's own words for each level of need" })
  levelsOfNeed: LevelOfNeedLabelView[];

  @ApiProperty({ type: [String] })
  outcomes: string[];

  @ApiProperty({ type: [String] })
  concernCategories: string[];

  @ApiProperty({ type: [String] })
  lawfulBases: string[];

  @ApiProperty({ type: [ReferenceAgencyView] })
  agencies: ReferenceAgencyView[];

  @ApiProperty({ type: [ReferenceTeamView] })
  teams: ReferenceTeamView[];

  @ApiProperty({
    type: () => [AllocatableWorkerView],
    description: 'Practitioners a decision may allocate: of agencies that receive referrals, or social care',
  })
  allocatableWorkers: AllocatableWorkerView[];
}

export class AllocatableWorkerView {
  @ApiProperty({ example: 'hub-triager' })
  personId: string;

  @ApiProperty({ example: 'Tamsin Quillfeather' })
  name: string;

  @ApiProperty({ example: 'demo-early-help-hub' })
  agencyId: string;

  @ApiPropertyOptional({ example: 'Early help practitioner' })
  jobTitle?: string;
}
