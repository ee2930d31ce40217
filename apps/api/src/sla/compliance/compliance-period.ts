import { ValidationProblem } from '@heard/http';

/** A year and a leap day: a year's report in any calendar year. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** `from` and `to` are instants already (the DTO checks each); here, what they are together. */
export function periodOf(from: string, to: string): Period {
  const start = new Date(from);
  const end = new Date(to);
  if (end.getTime() <= start.getTime()) {
    throw new ValidationProblem([
      { field: 'to', rule: 'isAfterFrom', message: 'to must be later than from' },
    ]);
  }
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new ValidationProblem([
      {
        field: 'to',
        rule: 'maxPeriod',
        message: `the period from from to to must be at most ${MAX_PERIOD_DAYS} days`,
      },
    ]);
  }
  return { from: start, to: end };
}
