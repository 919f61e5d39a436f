import { ApiProperty } from '@nestjs/swagger';

export class HeadlineOutcomeView {
  @ApiProperty({ example: 'education' })
  code: string;

  @ApiProperty({ example: 'Getting a good education' })
  label: string;
}

/** The caller's authority's plan reference data. */
export class PlanReferenceView {
  @ApiProperty({ type: [HeadlineOutcomeView] })
  headlineOutcomes: HeadlineOutcomeView[];

  @ApiProperty({ type: 'integer', example: 6 })
  reviewCadenceWeeks: number;

  @ApiProperty({ type: [String] })
  outcomeProgress: string[];

  @ApiProperty({ type: [String] })
  actionStatuses: string[];

  @ApiProperty({ type: [String] })
  closureReasons: string[];

  @ApiProperty({ type: [String] })
  familyLeadPreferences: string[];
}
