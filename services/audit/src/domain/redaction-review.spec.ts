import { redactionReview } from './redaction-review.js';

const decided = {
  actor: 'hub-triager',
  data: {
    reasons: 'Mother reports the neighbour shouts at the children.',
    decidedBy: { personId: 'hub-triager', name: 'Tamsin', agencyId: 'hub' },
    source: { kind: 'individual', relationship: 'acquaintance', identityWithheld: true },
    children: [
      { childId: 'child-a', givenName: 'Ada' },
      { childId: 'child-b', givenName: 'Ben' },
    ],
    carers: [{ carerId: 'carer-m', givenName: 'Sam' }],
  },
};

describe('marking an event for redaction review in a subject access export', () => {
  const marks = redactionReview(decided, 'child-a');

  it('marks the other people in the family as third parties, not the subject', () => {
    expect(marks).toContainEqual({ path: 'data.children[1]', reason: 'third-party' });
    expect(marks).toContainEqual({ path: 'data.carers[0]', reason: 'third-party' });
    expect(marks.map((m) => m.path)).not.toContain('data.children[0]');
  });

  it('marks a protected referrer', () => {
    expect(marks).toContainEqual({ path: 'data.source', reason: 'referrer-identity' });
  });

  it('marks practitioners and free text for review', () => {
    expect(marks).toEqual(
      expect.arrayContaining([
        { path: 'actor', reason: 'practitioner' },
        { path: 'data.decidedBy', reason: 'practitioner' },
        { path: 'data.reasons', reason: 'free-text' },
      ]),
    );
  });

  it('marks another family member named by person id (as order events name them) as a third party', () => {
    const order = {
      actor: 'yot-officer',
      data: { parents: [{ personId: 'carer-m', givenName: 'Sam', familyName: 'X' }] },
    };
    expect(redactionReview(order, 'child-a')).toContainEqual({ path: 'data.parents[0]', reason: 'third-party' });
  });

  it('does not mark a practitioner referrer whose identity is not withheld', () => {
    const event = { actor: 'system', data: { source: { kind: 'practitioner', identityWithheld: false } } };
    expect(redactionReview(event, 'child-a')).toEqual([]);
  });
});
