import { ledgerIndexOf } from './ledger-index.js';

describe('the lookup index of a ledger entry', () => {
  const decided = {
    id: 'e1',
    type: 'baton.referral.decided.v1',
    source: 'baton/referrals',
    subject: 'ref-1',
    time: '2026-11-02T10:00:00Z',
    actor: 'hub-triager',
    actoragency: 'hub',
    familyid: 'fam-1',
    data: {
      referralId: 'ref-1',
      familyId: 'fam-1',
      linkedToReferralId: 'ref-0',
      decidedBy: { personId: 'hub-triager', agencyId: 'hub' },
      children: [{ childId: 'c1' }, { childId: 'c2' }],
      carers: [{ carerId: 'k1' }],
      plan: { referralIds: ['ref-0', 'ref-1'] },
    },
  };

  it('finds the family, the records and the people at any depth', () => {
    expect(ledgerIndexOf(decided)).toMatchObject({
      familyIds: ['fam-1'],
      recordIds: ['ref-0', 'ref-1'],
      personIds: ['c1', 'c2', 'hub-triager', 'k1'],
      actorAgency: 'hub',
      lawfulBasis: null,
    });
  });

  it('indexes an access by the records it touched and its lawful basis, not by its subject (the accessor)', () => {
    const access = {
      ...decided,
      type: 'baton.access.recorded.v1',
      subject: 'csc-duty',
      data: {
        recordIds: ['ref-1'],
        familyIds: ['fam-1', 'fam-2'],
        lawfulBasis: 's.47',
        accessor: { personId: 'csc-duty' },
      },
    };
    expect(ledgerIndexOf(access)).toMatchObject({
      recordIds: ['ref-1'],
      familyIds: ['fam-1', 'fam-2'],
      personIds: ['csc-duty'],
      lawfulBasis: 's.47',
    });
  });
});
