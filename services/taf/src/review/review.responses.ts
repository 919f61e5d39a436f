import { ApiProperty } from '@nestjs/swagger';
import { PersonRefView } from '../plan/plan.responses.js';
import { AttendeeDto, OutcomeProgressDto } from './dto/record-review.dto.js';

export class ReviewView {
  @ApiProperty({ format: 'uuid' })
  reviewId: string;

  @ApiProperty({ format: 'date' })
  heldOn: string;

  @ApiProperty({ type: [AttendeeDto] })
  attendees: AttendeeDto[];

  @ApiProperty({ type: [OutcomeProgressDto] })
  progress: OutcomeProgressDto[];

  @ApiProperty()
  decisions: string;

  @ApiProperty({ format: 'date' })
  nextReviewDate: string;

  @ApiProperty({ type: PersonRefView })
  recordedBy: PersonRefView;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class ReviewList {
  @ApiProperty({ type: [ReviewView] })
  items: ReviewView[];
}
