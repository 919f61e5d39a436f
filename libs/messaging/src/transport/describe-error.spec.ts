import { HttpException } from '@nestjs/common';
import { describeError } from './event-processor.js';

describe('describeError, as dead letters record a handler failure', () => {
  it('keeps an ordinary error’s message', () => {
    expect(describeError(new Error('plan 7 could not be loaded'))).toBe('plan 7 could not be loaded');
  });

  it('adds the response of an HTTP exception raised by shared code, whose message alone says little', () => {
    const problem = new HttpException(
      { title: 'The request is not valid', detail: 'data.referralId: must be a UUID' },
      400,
    );
    expect(describeError(problem)).toBe(
      'Http Exception: {"title":"The request is not valid","detail":"data.referralId: must be a UUID"}',
    );
  });
});
