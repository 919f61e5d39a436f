import { ContractEvents } from '../contract/contract-events.js';
import { newEvent } from '../envelope/new-event.js';
import { validateEvent } from '../envelope/validate-event.js';
import { OrderEvents } from './order-events.js';

const officer = { personId: 'yot-officer', name: 'Owen Thistlecombe', agencyId: 'demo-yot' };
const orderHeader = {
  orderId: '3f7b1c2e-0d4a-4f7e-9a51-1b2c3d4e5f60',
  familyId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  version: 3,
  holdingAgencyId: 'demo-yot',
  holdingAgencyKind: 'youth-offending-team',
  responsibleOfficer: officer,
  status: { state: 'in-force', madeOn: '2026-01-05', requirementsEndOn: '2027-01-04', openEnforcementCases: 1 },
  occurredAt: '2026-02-02T10:00:00Z',
};

function envelope(type: string, data: object): object {
  return {
    ...newEvent(
      { ...OrderEvents.made, type },
      { source: 'baton/parenting', subject: 's', tenant: 'demo', actor: 'a', data },
    ),
  };
}

describe('order and contract events', () => {
  it('accepts an enforcement decision carrying the order header and the decision', () => {
    const data = {
      ...orderHeader,
      enforcementId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      decision: 'written-warning',
      decidedAt: '2026-02-03T09:00:00Z',
      decidedBy: officer,
      takesEffect: true,
      workingDaysFromBreach: 1,
    };
    expect(validateEvent(envelope(OrderEvents.enforcementDecided.type, data))).toMatchObject({ ok: true });
  });

  it('refuses an order event without its family, version or responsible officer', () => {
    const { familyId: _f, version: _v, responsibleOfficer: _r, ...rest } = orderHeader;
    const result = validateEvent(envelope(OrderEvents.expired.type, { ...rest, expiredOn: '2027-01-05' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toMatch(/data\.familyId/);
      expect(result.errors.join('\n')).toMatch(/data\.version/);
      expect(result.errors.join('\n')).toMatch(/data\.responsibleOfficer/);
    }
  });

  it('marks the prosecution referral events urgent and nothing routine', () => {
    const urgent = Object.values(OrderEvents)
      .filter((d) => d.urgent === true)
      .map((d) => d.name);
    expect(urgent.sort()).toEqual(['prosecution-approval-requested', 'prosecution-approved']);
    expect(Object.values(ContractEvents).some((d) => d.urgent === true)).toBe(false);
  });

  it('keeps offence detail (grounds, explanations, reasons) out of every order and contract event', () => {
    const forbidden = /grounds|offence|explanation|reason$|excuse|narrative/i;
    for (const d of [...Object.values(OrderEvents), ...Object.values(ContractEvents)]) {
      const fields = Object.keys(new d.payload());
      expect(fields.filter((f) => forbidden.test(f))).toEqual([]);
    }
  });
});
