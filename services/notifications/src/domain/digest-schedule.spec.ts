import { nextDigestAt } from './digest-schedule.js';

describe('daily digest time', () => {
  it('is 07:00 London time later the same day when that is still ahead (GMT in winter)', () => {
    expect(nextDigestAt(new Date('2026-11-23T05:00:00Z'), 7).toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });

  it('is the next day once the hour has passed, in British Summer Time when it applies', () => {
    expect(nextDigestAt(new Date('2026-06-10T08:00:00Z'), 7).toISOString()).toBe('2026-06-11T06:00:00.000Z');
  });
});
