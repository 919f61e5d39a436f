import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { catalogue } from '@baton/contracts';
import type { RequestExample } from '@baton/http-api';

const EVENT_TYPES = catalogue.map((d) => d.type);

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://case-system.example.org/baton/events' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2_000)
  url: string;

  @ApiProperty({ example: ['baton.referral.received.v1'], description: 'Event types this endpoint receives' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** The example the OpenAPI document shows (invented data). */
export const registerWebhookExample: RequestExample<RegisterWebhookDto> = {
  summary: "An agency's case system asks for referral events",
  value: {
    url: 'https://case-system.example.org/baton/events',
    eventTypes: ['baton.referral.received.v1', 'baton.referral.decided.v1'],
    description: 'Oakfield case system',
  },
};

export class RotateSecretDto {
  @ApiPropertyOptional({
    description: 'How long the previous secret keeps signing alongside the new one (minutes, default 1440)',
    minimum: 0,
    maximum: 10_080,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_080)
  overlapMinutes?: number;
}

/** The example the OpenAPI document shows (invented data). */
export const rotateSecretExample: RequestExample<RotateSecretDto> = {
  summary: 'A new secret, the old one signing for another hour',
  value: { overlapMinutes: 60 },
};
