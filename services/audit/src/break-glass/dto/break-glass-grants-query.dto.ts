import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../oversight/oversight-query.dto.js';

export class BreakGlassGrantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only grants for this family' })
  @IsOptional()
  @IsUUID('all')
  familyId?: string;
}
