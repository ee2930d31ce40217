import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemResponse {
  @ApiProperty({ example: 'rating', description: 'The field, header or parameter at fault' })
  field!: string;

  @ApiProperty({ example: 'max', description: 'The rule it broke' })
  rule!: string;

  @ApiProperty({ example: 'rating must not be greater than 5' })
  message!: string;
}

/** RFC 9457 problem details, as every refusal of the API is answered. */
export class ProblemDetailsResponse {
  @ApiProperty({ example: 'https://heard.dev/problems/validation' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400, minimum: 400, maximum: 599 })
  status!: number;

  @ApiPropertyOptional({ example: 'rating: rating must not be greater than 5' })
  detail?: string;

  @ApiPropertyOptional({ example: '/v1/feedback' })
  instance?: string;

  @ApiPropertyOptional({ example: 'case.closed', description: 'A stable code for domain refusals' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'Each invalid field' })
  errors?: FieldProblemResponse[];

  @ApiPropertyOptional({ example: 4, description: 'On a stale If-Match: the current version' })
  currentVersion?: number;
}
