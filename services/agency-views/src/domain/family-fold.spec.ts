import fc from 'fast-check';
import { aFamily, referralDecided, referralReceived, referralWithdrawn } from '../testing/view-events.fixture.js';
import { PlanScript, PROFESSIONALS } from '../testing/plan-events.fixture.js';
import { agencyIndexOf } from './agency-index.js';
import { agencyViewOf } from './agency-view.js';
import { foldFamily } from './family-fold.js';
import { involvedAgencies } from './involvement.js';
import type { RecordedEvent } from './recorded-event.js';

const family = aFamily();
const fold = (events: RecordedEvent[]) => foldFamily(family.tenant, family.familyId, events);

describe('folding a family from its events', () => {
  it('gives the same document whatever order the events arrive in', () => {
    const second = aFamily({ familyId: family.familyId, referrerAgencyId: 'demo-police' });
    const events = [
      referralReceived(family),
      referralDecided(family),
      referralReceived(second, new Date('2026-11-21T09:00:00Z')),
      referralWithdrawn(second),
    ];
    const expected = fold(events);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
        expect(fold(shuffled)).toEqual(expected);
      }),
    );
  });

  it('holds the plan of its highest version, whatever order the plan and referral events arrive in', () => {
    const plan = new PlanScript(family);
    const events = [
      referralReceived(family),
      referralDecided(family),
      plan.opened(),
      plan.memberJoined(PROFESSIONALS.yotOfficer),
      plan.leadChanged(PROFESSIONALS.yotOfficer),
      plan.memberLeft('demo-oakfield-primary'),
    ];
    const expected = fold(events);
    expect(expected.plan).toMatchObject({ version: 4, lead: { agencyId: 'demo-yot' } });
    expect([...involvedAgencies(expected).keys()]).toEqual(['demo-adult-services', 'demo-yot']);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
        expect(fold(shuffled)).toEqual(expected);
      }),
    );
  });

  it('lets a late received event fill in what only it carries, without undoing the decision', () => {
    const document = fold([referralDecided(family), referralReceived(family)]);
    expect(document.referrals).toEqual([
      expect.objectContaining({
        status: 'decided',
        outcome: 'accept-early-help',
        receivedAt: '2026-11-20T10:00:00.000Z',
      }),
    ]);
  });

  it('names the same child once when two referrals name them', () => {
    const again = aFamily({ familyId: family.familyId, child: { ...family.child, childId: 'other' } });
    expect(fold([referralReceived(family), referralReceived(again)]).children).toHaveLength(1);
  });

  it('takes the level of need from the latest decision, else the highest proposed', () => {
    expect(fold([referralReceived(family)]).levelOfNeed).toBe(3);
    expect(fold([referralReceived(family), referralDecided(family, 'signpost-universal')]).levelOfNeed).toBe(2);
  });
});

describe('who is involved', () => {
  it('involves the referrer and receiving agency while a referral awaits triage', () => {
    expect([...involvedAgencies(fold([referralReceived(family)]))]).toEqual([
      ['demo-early-help-hub', ['receiving-agency']],
      ['demo-oakfield-primary', ['referrer']],
    ]);
  });

  it('involves no one once a referral is withdrawn or closed without early help', () => {
    expect(involvedAgencies(fold([referralReceived(family), referralWithdrawn(family)])).size).toBe(0);
    expect(involvedAgencies(fold([referralReceived(family), referralDecided(family, 'no-further-action')])).size).toBe(
      0,
    );
  });

  it('shows an agency only the open referrals it is party to', () => {
    const police = aFamily({ familyId: family.familyId, referrerAgencyId: 'demo-police' });
    const document = fold([referralReceived(family), referralReceived(police)]);
    const school = agencyViewOf(document, 'demo-oakfield-primary', ['referrer'], 1, '2026-11-23');
    expect(school.openReferrals.map((r) => r.referralId)).toEqual([family.referralId]);
    const hub = agencyViewOf(document, 'demo-early-help-hub', ['receiving-agency'], 1, '2026-11-23');
    expect(hub.openReferrals).toHaveLength(2);
  });

  it('shows a break-glass reader an order’s status, never its legal basis, and no referrals', () => {
    const document = {
      ...fold([referralReceived(family)]),
      parenting: [
        {
          kind: 'order' as const,
          id: 'order-1',
          version: 1,
          status: 'in-force',
          active: true,
          holderAgencyId: 'demo-yot',
          legalBasis: 'child-convicted',
        },
      ],
    };
    const view = agencyViewOf(document, 'demo-police', ['break-glass'], 1, '2026-11-23');
    expect(view.relationships).toEqual(['break-glass']);
    expect(view.parenting).toEqual([expect.objectContaining({ status: 'in-force', holderAgencyId: 'demo-yot' })]);
    expect(view.parenting?.[0]).not.toHaveProperty('legalBasis');
    expect(view.openReferrals).toEqual([]);
  });

  it('indexes names for prefix search and dates of birth for lookup', () => {
    const [entry] = agencyIndexOf(fold([referralReceived(family)]));
    expect(entry).toMatchObject({
      searchText: ' alfie testcase jo testcase',
      sortName: 'testcase alfie',
      childDatesOfBirth: ['2016-04-12'],
      hasOrder: false,
    });
  });
});
