import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One offending field of a refused request, as {@link ProblemView} lists them. */
export class FieldErrorView {
  @ApiProperty({ description: 'Path into the request, or a header or query name', example: 'children[0].dateOfBirth' })
  field: string;

  @ApiProperty({ description: 'The rule it broke', example: 'isNotFuture' })
  rule: string;

  @ApiProperty({ example: 'dateOfBirth must not be in the future' })
  message: string;
}

/** RFC 9457 problem details: every error a Baton API returns (`application/problem+json`). */
export class ProblemView {
  @ApiProperty({ format: 'uri', example: 'https://baton.dev/problems/validation' })
  type: string;

  @ApiProperty({ example: 'The request is not valid' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 })
  status: number;

  @ApiPropertyOptional({ example: 'dateOfBirth must not be in the future' })
  detail?: string;

  @ApiPropertyOptional({ description: 'The request path the problem is about', example: '/v1/referrals' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorView], description: 'Each field at fault and the rule it broke' })
  errors?: FieldErrorView[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Seconds to wait before trying again (also sent as Retry-After), on 429 and 503',
  })
  retryAfter?: number;
}
