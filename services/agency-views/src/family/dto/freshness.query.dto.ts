import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 30_000;
export const MAX_AFTER_EVENTS = 50;

/** Read-your-writes: answer only once the views reflect given events (`after`) or the stream up to `minPosition`. */
export class FreshnessQueryDto {
  @ApiPropertyOptional({
    type: 'string',
    description:
      'Event ids, comma-separated, as a write answered them in its Baton-Events header: answer only once the views ' +
      'have applied them (or 503 not-yet-applied when waitMs runs out)',
    example: '0b8c8b53-2c3f-4d8e-9d5f-3a2f7c1f1e01',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value,
  )
  @IsArray()
  @ArrayMaxSize(MAX_AFTER_EVENTS)
  @IsUUID('all', { each: true })
  after?: string[];

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
