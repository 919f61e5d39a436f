import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** A child or parent, by the id the family's other records use. */
export class FamilyPersonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  personId: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName: string;
}
