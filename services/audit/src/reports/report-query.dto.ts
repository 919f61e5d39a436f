import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import type { Period } from '../domain/reports/statistics.js';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A reporting period by calendar dates, both days included (UTC). */
export class ReportQueryDto {
  @ApiProperty({ example: '2026-04-01', description: 'First day of the period' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-09-30', description: 'Last day of the period (included)' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

const DAY_MS = 86_400_000;

/** The half-open period [from, to + 1 day); a period that ends before it starts is the caller's error. */
export function periodOf(query: { from: string; to: string }): Period {
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
  if (to <= from) {
    throw ProblemException.of(422, 'period', 'The period is empty', 'to must not be before from', {
      errors: [{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }],
    });
  }
  return { from, to };
}

/** 12 months before the period: "referrals in the last 12 months" and late decisions need the year before. */
export function lookbackOf(period: Period): Date {
  const since = new Date(period.from);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}
