import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsPersonName, PERSON_NAME_MAX_LENGTH, PERSON_NAME_RULE } from '@baton/contracts';

/** A child or parent, by the id the family's other records use. */
export class FamilyPersonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  personId: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  givenName: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: PERSON_NAME_RULE })
  @IsPersonName()
  familyName: string;
}
