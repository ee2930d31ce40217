import { ApiProperty } from '@nestjs/swagger';
import { IsOpeningEnd, IsOpeningStart } from '../shared/sla-field.validators';

/** Local wall-clock times; an end at or before the start runs past midnight into the next day. */
export class OpeningIntervalDto {
  @ApiProperty({ example: '08:00', description: 'HH:mm, 00:00 to 23:59' })
  @IsOpeningStart()
  from!: string;

  @ApiProperty({
    example: '20:00',
    description: 'HH:mm, or 24:00 for the end of the day; at or before `from`: past midnight',
  })
  @IsOpeningEnd()
  to!: string;
}
