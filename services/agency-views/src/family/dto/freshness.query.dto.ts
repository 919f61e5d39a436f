import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 30_000;

/** Read-your-writes: answer only once the views reflect the stream up to `minPosition`. */
export class FreshnessQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Wait until the views have applied the event stream up to this sequence (a `position` seen earlier)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_WAIT_MS, default: DEFAULT_WAIT_MS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WAIT_MS)
  waitMs?: number;
}
