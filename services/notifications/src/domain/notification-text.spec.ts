import { deadlineInWords, renderNotification } from './notification-text.js';

describe('deadlines as people read them', () => {
  it('says "by the end of Friday" for a decision due at the midnight ending Friday, not "Saturday at 00:00"', () => {
    // Midnight ending Friday 4 December 2026 in London (GMT) is 00:00 UTC on Saturday 5 December.
    expect(deadlineInWords('2026-12-05T00:00:00.000Z')).toBe('the end of Friday 4 December 2026');
  });

  it('reads a summer deadline in British Summer Time: midnight ending Tuesday 7 April is 23:00 UTC', () => {
    expect(deadlineInWords('2026-04-07T23:00:00.000Z')).toBe('the end of Tuesday 7 April 2026');
  });

  it('gives any other instant its day and time on the clock in London', () => {
    expect(deadlineInWords('2026-07-01T13:30:00Z')).toBe('Wednesday 1 July 2026 at 2:30pm');
    expect(deadlineInWords('2026-12-01T09:05:00Z')).toBe('Tuesday 1 December 2026 at 9:05am');
  });

  it('reads a due date as the end of that day', () => {
    expect(deadlineInWords('2026-12-04')).toBe('the end of Friday 4 December 2026');
  });

  it('puts it into the e-mail body while the data keeps the instant', () => {
    const view = { decisionDueAt: '2026-12-05T00:00:00.000Z' };
    const text = renderNotification({
      eventType: 'baton.referral.received.v1',
      eventId: 'e1',
      aggregateId: 'r1',
      urgent: false,
      recipientName: 'Tamsin Quillfeather',
      agencyName: 'Early Help Hub',
      view,
      baseUrl: 'https://baton.example',
    });
    expect(text.body).toContain('the decision is due by the end of Friday 4 December 2026.');
    expect(view.decisionDueAt).toBe('2026-12-05T00:00:00.000Z');
  });
});
