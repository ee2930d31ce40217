import { CONSENT_PURPOSES, ConsentPurpose } from '@heard/customers';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class OptOutRequest {
  @ApiPropertyOptional({
    enum: CONSENT_PURPOSES,
    example: 'surveys',
    description: 'The purpose to withdraw consent for; absent: every purpose',
  })
  @IsOptional()
  @IsIn(CONSENT_PURPOSES, { message: `purpose must be one of ${CONSENT_PURPOSES.join(', ')}` })
  purpose?: ConsentPurpose;
}
