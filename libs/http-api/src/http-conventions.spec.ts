import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { requireIfMatch } from './concurrency/etag.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination/cursor.js';
import { requestHash } from './idempotency/idempotency-keys.js';
import { ProblemException } from './problem/problem-details.js';
import { toProblem } from './problem/problem-details.filter.js';
import { createValidationPipe, fieldErrors } from './validation/validation-pipe.js';

class Child {
  @IsString()
  name: string;
}
class Body {
  @IsInt()
  @Max(4)
  level: number;

  @ValidateNested({ each: true })
  @Type(() => Child)
  children: Child[];
}

function problemOf(fn: () => void): ProblemException {
  try {
    fn();
  } catch (e) {
    return e as ProblemException;
  }
  throw new Error('expected a problem');
}

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();

  it('refuses a body that breaks its DTO', async () => {
    await expect(pipe.transform({ level: 9, children: [] }, { type: 'body', metatype: Body })).rejects.toBeInstanceOf(
      ProblemException,
    );
  });

  it('passes through a parameter typed as a generic class, as tsc records an event handler’s CloudEvent<T>', async () => {
    const event = { id: 'e1', data: { anything: true } };
    await expect(pipe.transform(event, { type: 'body', metatype: Function })).resolves.toBe(event);
  });
});

describe('field errors', () => {
  it('names each bad field by its full path and the rule it broke', () => {
    const body = plainToInstance(Body, { level: 9, children: [{ name: 'a' }, { name: 3 }] });
    expect(fieldErrors(validateSync(body))).toEqual([
      expect.objectContaining({ field: 'level', rule: 'max' }),
      expect.objectContaining({ field: 'children[1].name', rule: 'isString' }),
    ]);
  });
});

describe('If-Match', () => {
  it('requires the header (428) and the current version (412)', () => {
    expect(problemOf(() => requireIfMatch(undefined, 1)).problem.status).toBe(428);
    expect(problemOf(() => requireIfMatch('"1"', 2)).problem.status).toBe(412);
    expect(() => requireIfMatch('W/"2"', 2)).not.toThrow();
    expect(() => requireIfMatch('"1", "2"', 2)).not.toThrow();
  });
});

describe('cursors', () => {
  it('round-trips the sort key and refuses one it did not issue', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'abc']), 2)).toEqual([
      '2026-01-01T00:00:00.000Z',
      'abc',
    ]);
    expect(problemOf(() => decodeCursor('garbage', 2)).problem.errors?.[0]).toMatchObject({ field: 'cursor' });
  });

  it('gives a next cursor only when there is a further row', () => {
    expect(pageOf([1, 2, 3], 2, String, (n) => [n]).nextCursor).toBe(encodeCursor([2]));
    expect(pageOf([1, 2], 2, String, (n) => [n]).nextCursor).toBeUndefined();
  });
});

describe('idempotency request hash', () => {
  it('ignores key order but not values', () => {
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe('problem rendering', () => {
  it('never leaks the message of an unexpected error', () => {
    const problem = toProblem(new Error('password=hunter2'), '/v1/x');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it("renders Fastify's oversize-body error as 413", () => {
    expect(toProblem({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'too large' }).status).toBe(413);
  });
});
