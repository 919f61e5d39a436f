import { ApiProperty } from '@nestjs/swagger';
import { PersonRefView } from '../plan/plan.responses.js';
import { AssessmentDomainDto } from './dto/record-assessment.dto.js';

/** The early help assessment itself, for the lead professional and the agencies it is shared with. */
export class AssessmentView {
  @ApiProperty({ format: 'uuid' })
  assessmentId: string;

  @ApiProperty({ format: 'date-time' })
  completedAt: string;

  @ApiProperty({ type: PersonRefView })
  completedBy: PersonRefView;

  @ApiProperty({ type: AssessmentDomainDto })
  childDevelopment: AssessmentDomainDto;

  @ApiProperty({ type: AssessmentDomainDto })
  parentsAndCarers: AssessmentDomainDto;

  @ApiProperty({ type: AssessmentDomainDto })
  familyAndEnvironment: AssessmentDomainDto;

  @ApiProperty()
  familyView: string;

  @ApiProperty()
  childVoice: string;

  @ApiProperty({ type: [String] })
  sharedWithAgencyIds: string[];
}
