import {
  aggregateOfPattern,
  ALL_EVENTS,
  eventsOfAggregate,
  deadLetterSubjectFor,
  durableNameFor,
  redeliveryDelayMs,
  typeWithoutVersion,
} from './consumer-naming.js';

describe('consumer naming', () => {
  it('names a durable consumer after the service and the event type, without dots', () => {
    expect(durableNameFor('notifications', 'baton.referral.decision-overdue.v1')).toBe(
      'notifications-referral-decision-overdue-v1',
    );
  });

  it('names the every-event consumer after the service alone', () => {
    expect(durableNameFor('audit', ALL_EVENTS)).toBe('audit-all-events');
  });

  it('names a whole-aggregate consumer after the service and the aggregate', () => {
    expect(durableNameFor('agency-views', eventsOfAggregate('plan'))).toBe('agency-views-plan-events');
    expect(aggregateOfPattern('baton.plan.>')).toBe('plan');
    expect(aggregateOfPattern('baton.plan.opened.v1')).toBeUndefined();
  });

  it('replaces wildcards and spaces that NATS forbids in names', () => {
    expect(durableNameFor('views', 'baton.*.odd name >')).toBe('views-odd-name-');
  });

  it('puts dead letters under a token no tenant code can take', () => {
    expect(deadLetterSubjectFor('baton', 'taf', 'taf-referral-decided-v1')).toBe(
      'baton._dlq.taf.taf-referral-decided-v1',
    );
  });

  it('recognises the same event in another version', () => {
    expect(typeWithoutVersion('baton.referral.received.v12')).toBe('baton.referral.received');
  });
});

describe('redelivery backoff', () => {
  const backoff = [1_000, 5_000, 30_000, 120_000];

  it('waits longer after each failed delivery', () => {
    expect([1, 2, 3, 4].map((n) => redeliveryDelayMs(backoff, n))).toEqual(backoff);
  });

  it('keeps the last delay once the list runs out', () => {
    expect(redeliveryDelayMs(backoff, 9)).toBe(120_000);
  });

  it('treats an unknown delivery count as the first', () => {
    expect(redeliveryDelayMs(backoff, 0)).toBe(1_000);
  });
});
