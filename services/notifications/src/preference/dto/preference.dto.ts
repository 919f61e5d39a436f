import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { RequestExample } from '@baton/http-api';

export const EMAIL_MODES = ['immediate', 'daily-digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export class PreferenceDto {
  @ApiProperty({
    enum: EMAIL_MODES,
    description: 'Routine e-mail at once or in one daily digest; urgent events are always sent at once',
  })
  @IsIn(EMAIL_MODES)
  email: EmailMode;
}

/** The example the OpenAPI document shows (invented data). */
export const preferenceExample: RequestExample<PreferenceDto> = {
  summary: 'Routine notifications as a daily digest',
  value: { email: 'daily-digest' },
};
