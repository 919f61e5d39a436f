import { ReferralEvents } from './referral/referral-events.js';
import { filterSubjectFor, streamSubjects, subjectFor } from './subjects.js';

describe('subjects', () => {
  it('publishes on <prefix>.<tenant>.<aggregate>.<name>', () => {
    expect(subjectFor('baton', 'islington', ReferralEvents.decisionOverdue)).toBe(
      'baton.islington.referral.decision-overdue',
    );
  });

  it('lets tests use their own prefix', () => {
    expect(subjectFor('t-42', 'islington', ReferralEvents.received)).toBe('t-42.islington.referral.received');
  });

  it('refuses a tenant that would break the subject into other tokens', () => {
    expect(() => subjectFor('baton', 'islington.*', ReferralEvents.received)).toThrow(/islington\.\*/);
    expect(() => subjectFor('baton', 'Islington', ReferralEvents.received)).toThrow();
  });

  it('filters one event type across every tenant', () => {
    expect(filterSubjectFor('baton', ReferralEvents.decided)).toBe('baton.*.referral.decided');
  });

  it('captures everything under the prefix in one stream', () => {
    expect(streamSubjects('t-42')).toEqual(['t-42.>']);
  });
});
