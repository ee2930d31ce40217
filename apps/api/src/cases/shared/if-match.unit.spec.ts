import { HttpException } from '@nestjs/common';
import { ValidationProblem } from '@heard/http';
import { expectedVersionOf } from './if-match';

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %p as version %p', (header, version) => {
    expect(expectedVersionOf(header)).toBe(version);
  });

  it.each([undefined, '', '  '])('answers 428 when it is missing (%p)', (header) => {
    const error = (() => {
      try {
        return expectedVersionOf(header);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(428);
  });

  it.each(['*', 'W/"3"', '"0"', '"3", "4"', 'abc', '"-1"', '"9999999999999999"'])(
    'refuses %p as naming no single version',
    (header) => {
      expect(() => expectedVersionOf(header)).toThrow(ValidationProblem);
    },
  );
});
