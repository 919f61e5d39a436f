import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID } from 'class-validator';
import type { RequestExample } from '@baton/http-api';

export class ScheduleSessionDto {
  @ApiProperty({ format: 'uuid', description: 'The programme requirement' })
  @IsUUID('all')
  requirementId: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

/** The example the OpenAPI document shows (invented data). */
export const scheduleSessionExample: RequestExample<ScheduleSessionDto> = {
  summary: 'A programme session',
  value: {
    requirementId: '2c4e6a8b-1d3f-4b5a-9c7e-8f0a2b4c6d73',
    startsAt: '2026-02-10T18:00:00Z',
    endsAt: '2026-02-10T20:00:00Z',
  },
};
