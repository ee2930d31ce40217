import { IsIsoInstant } from '@heard/http';
import { LOOP_RATE_GROUPS, LoopRateGroupBy } from '@heard/loop';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, registerDecorator, ValidationArguments } from 'class-validator';

/** `to` strictly after `from`: an empty or backwards period counts nothing and is a mistake. */
function IsAfterFrom() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAfterFrom',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be later than from` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          // A malformed `from` is refused on its own field; this rule compares valid instants only.
          if (typeof value !== 'string' || typeof from !== 'string') return true;
          const [start, end] = [Date.parse(from), Date.parse(value)];
          return Number.isNaN(start) || Number.isNaN(end) || end > start;
        },
      },
    });
}

export class LoopRateRequest {
  @ApiProperty({
    example: '2026-11-01T00:00:00Z',
    format: 'date-time',
    description: 'Feedback received at or after this instant (date, time and offset)',
  })
  @IsIsoInstant()
  from!: string;

  @ApiProperty({
    example: '2026-12-01T00:00:00Z',
    format: 'date-time',
    description: 'Feedback received before this instant; later than `from`',
  })
  @IsIsoInstant()
  @IsAfterFrom()
  to!: string;

  @ApiProperty({ enum: LOOP_RATE_GROUPS, example: 'store' })
  @IsIn(LOOP_RATE_GROUPS)
  groupBy!: LoopRateGroupBy;
}
