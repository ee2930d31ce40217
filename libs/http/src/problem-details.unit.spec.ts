import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { ConcurrencyError } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { PathParameterTooLong } from './framework-problem';
import { problemType } from './problem-details';
import { toProblem } from './problem-details.filter';
import { fieldProblems, ValidationProblem } from './validation-problem';

describe('problem details', () => {
  it('names nested fields and the rule that failed', () => {
    const error = Object.assign(new ValidationError(), {
      property: 'items',
      children: [
        Object.assign(new ValidationError(), {
          property: '3',
          children: [
            Object.assign(new ValidationError(), {
              property: 'rating',
              constraints: { max: 'rating must not be greater than 5' },
              children: [],
            }),
          ],
        }),
      ],
    });
    expect(fieldProblems([error])).toEqual([
      { field: 'items[3].rating', rule: 'max', message: 'rating must not be greater than 5' },
    ]);
  });

  it('answers validation 400, domain errors by kind, and conflicts 409 with the current version', () => {
    expect(
      toProblem(new ValidationProblem([{ field: 'kind', rule: 'isIn', message: 'bad' }])),
    ).toMatchObject({ status: 400, errors: [{ field: 'kind', rule: 'isIn' }] });
    expect(toProblem(new DomainError('case.closed', 'closed', 'conflict'))).toMatchObject({
      status: 409,
      code: 'case.closed',
    });
    expect(toProblem(new DomainError('case.not_found', 'missing', 'not_found'))).toMatchObject({
      status: 404,
    });
    expect(toProblem(new ConcurrencyError('case-1', 3, 5))).toMatchObject({
      status: 409,
      currentVersion: 5,
    });
  });

  it('answers a malformed body 400 and hides unexpected errors behind 500', () => {
    expect(
      toProblem(Object.assign(new SyntaxError('Unexpected token'), { status: 400 })),
    ).toMatchObject({ status: 400, detail: 'the request body is not valid JSON' });
    const hidden = toProblem(new Error('db password is hunter2'));
    expect(hidden.status).toBe(500);
    expect(JSON.stringify(hidden)).not.toContain('hunter2');
  });

  it("answers the framework's own errors by their code, the same on either adapter", () => {
    const fastifyBadUrl = Object.assign(new Error("'/%zz' is not a valid url component"), {
      code: 'FST_ERR_BAD_URL',
    });
    const expressBadUrl = new BadRequestException("Failed to decode param '%zz'");
    for (const error of [fastifyBadUrl, expressBadUrl])
      expect(toProblem(error)).toMatchObject({ status: 400, type: problemType('bad-url') });
    const tooLong = [
      Object.assign(new Error('x'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }),
      new PathParameterTooLong(),
    ];
    for (const error of tooLong) expect(toProblem(error)).toMatchObject({ status: 414 });
    const bodyParser = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
    });
    expect(toProblem(bodyParser)).toMatchObject({
      status: 413,
      type: problemType('body-too-large'),
    });
    expect(toProblem(new PayloadTooLargeException('over 10,000 items'))).toMatchObject({
      type: problemType('body-too-large'),
      detail: 'over 10,000 items',
    });
  });
});
