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
