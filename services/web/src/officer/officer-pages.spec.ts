import { pageErrors, timeOfDay } from './form-values.js';
import { parseOrderForm } from './order-form.view-model.js';
import { parseCompliance, parseSession } from './order-steps.view-model.js';
import { heldOrdersPage } from './order.view-model.js';
import type { EnforcementCase, OrderView } from './parenting.api.js';

const orderForm = {
  legalBasis: 'asba-2003-s26',
  applicant: 'youth-offending-team',
  courtKind: 'youth-court',
  courtName: 'Demo Youth Court',
  'madeOn-day': '2',
  'madeOn-month': '11',
  'madeOn-year': '2026',
  grounds: 'Invented grounds',
  previousParentingOrder: 'no',
  childGivenName: 'Alfie',
  childFamilyName: 'Testcase',
  parentGivenName: 'Jo',
  parentFamilyName: 'Testcase',
  programmeDescription: 'Strengthening Families',
  'programmeStartsOn-day': '2',
  'programmeStartsOn-month': '11',
  'programmeStartsOn-year': '2026',
  'programmeEndsOn-day': '1',
  'programmeEndsOn-month': '2',
  'programmeEndsOn-year': '2027',
  otherKind: 'escort-to-school',
  otherDescription: 'Escort Alfie to school',
  'otherStartsOn-day': '2',
  'otherStartsOn-month': '11',
  'otherStartsOn-year': '2026',
  'otherEndsOn-day': '2',
  'otherEndsOn-month': '12',
  'otherEndsOn-year': '2027',
};

describe('recording an order', () => {
  it('sends the programme and the other requirement, and knows where each lands on the page', () => {
    const parsed = parseOrderForm(orderForm);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.order).toMatchObject({
      madeOn: '2026-11-02',
      previousParentingOrder: false,
      requirements: [
        { kind: 'programme', startsOn: '2026-11-02', endsOn: '2027-02-01', setting: 'non-residential' },
        { kind: 'escort-to-school', endsOn: '2027-12-02' },
      ],
    });
    expect(parsed.value.order).not.toHaveProperty('residentialFindings');
    expect(parsed.value.fields['requirements[1].endsOn']).toEqual({
      id: 'otherEndsOn-day',
      label: 'the date the other requirement ends',
    });
  });

  it('names the statutory limit and the last allowed day on the field the service refused', () => {
    const parsed = parseOrderForm(orderForm);
    if (!parsed.ok) throw new Error('expected a valid form');
    const errors = pageErrors(
      {
        type: 'https://baton.dev/problems/rule',
        title: 'A rule is broken',
        status: 422,
        errors: [
          {
            field: 'requirements[1].endsOn',
            rule: 'CDA1998.s8(4).requirementsAtMost12Months',
            message: 'requirements may last at most 12 months from the order (last day 2027-11-01)',
          },
          { field: 'somethingElse', rule: 'unknownRule', message: 'the service says no' },
        ],
      },
      parsed.value.fields,
    );
    expect(errors).toEqual([
      {
        field: 'otherEndsOn-day',
        text: 'The date the other requirement ends must be on or before 1 November 2027: the requirements of a parenting order can last at most 12 months from the day it was made',
      },
      { field: '', text: 'The service says no' },
    ]);
  });

  it('asks for what is missing before calling the service', () => {
    const parsed = parseOrderForm({ ...orderForm, courtName: '', 'madeOn-day': '31', 'madeOn-month': '2' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { field: 'courtName', text: 'Enter the name of the court' },
      { field: 'madeOn-day', text: 'The date the order was made must be a real date' },
    ]);
  });
});

describe('sessions and compliance', () => {
  it('reads times as people type them', () => {
    expect(timeOfDay('5pm')).toEqual({ hours: 17, minutes: 0 });
    expect(timeOfDay('12am')).toEqual({ hours: 0, minutes: 0 });
    expect(timeOfDay('9.30am')).toEqual({ hours: 9, minutes: 30 });
    expect(timeOfDay('17:45')).toEqual({ hours: 17, minutes: 45 });
    expect(timeOfDay('25:00')).toBeUndefined();
    expect(timeOfDay('13pm')).toBeUndefined();
  });

  it('places a session in UK time (summer and winter)', () => {
    const form = { requirementId: 'r', startTime: '5pm', endTime: '7pm' };
    const winter = parseSession({ ...form, 'sessionOn-day': '16', 'sessionOn-month': '11', 'sessionOn-year': '2026' });
    const summer = parseSession({ ...form, 'sessionOn-day': '16', 'sessionOn-month': '6', 'sessionOn-year': '2026' });
    expect(winter).toEqual({
      ok: true,
      value: { requirementId: 'r', startsAt: '2026-11-16T17:00:00.000Z', endsAt: '2026-11-16T19:00:00.000Z' },
    });
    expect(summer.ok && summer.value.startsAt).toBe('2026-06-16T16:00:00.000Z');
    expect(
      parseSession({ ...form, endTime: '4pm', 'sessionOn-day': '1', 'sessionOn-month': '1', 'sessionOn-year': '2027' }),
    ).toEqual({
      ok: false,
      errors: [{ field: 'endTime', text: 'The time it ends must be after the time it starts' }],
    });
  });

  it('needs the excuse when the parent had a reasonable one, and sends none otherwise', () => {
    const base = { requirementId: 'r', 'occurredOn-day': '16', 'occurredOn-month': '11', 'occurredOn-year': '2026' };
    expect(parseCompliance({ ...base, outcome: 'failed-reasonable-excuse' })).toEqual({
      ok: false,
      errors: [{ field: 'excuse', text: 'Enter the reasonable excuse the parent gave' }],
    });
    expect(parseCompliance({ ...base, outcome: 'failed-without-excuse', excuse: 'typed, then changed' })).toEqual({
      ok: true,
      value: { requirementId: 'r', occurredOn: '2026-11-16', outcome: 'failed-without-excuse' },
    });
  });
});

describe('orders I hold', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const order = (id: string, madeOn: string, cases: Partial<EnforcementCase>[] = []): OrderView =>
    ({
      id,
      familyId: 'f',
      madeOn,
      requirementsEndOn: '2027-11-01',
      state: 'in-force',
      holdingAgencyId: 'demo-yot',
      holdingAgencyKind: 'youth-offending-team',
      responsibleOfficer: { personId: 'p', name: 'Owen', agencyId: 'demo-yot' },
      version: 1,
      children: [{ givenName: 'Child', familyName: id }],
      enforcement: cases.map((c) => ({ contactedAt: null, status: 'awaiting-contact', ...c })),
    }) as OrderView;

  it('puts an overdue contact first, then the next deadline, then the newest', () => {
    const page = heldOrdersPage(
      [
        order('newest', '2026-11-10'),
        order('due-later', '2026-10-01', [{ contactDueAt: '2026-11-21T00:00:00Z' }]),
        order('older', '2026-09-01'),
        order('overdue', '2026-08-01', [{ contactDueAt: '2026-11-18T00:00:00Z' }]),
        order('contacted', '2026-07-01', [
          { contactDueAt: '2026-11-01T00:00:00Z', contactedAt: '2026-11-01T09:00:00Z' },
        ]),
      ],
      now,
    );
    expect(page.orders.map((o) => o.children)).toEqual([
      'Child overdue',
      'Child due-later',
      'Child newest',
      'Child older',
      'Child contacted',
    ]);
    expect(page.overdueCount).toBe(1);
    expect(page.orders[0]).toMatchObject({
      overdue: true,
      contact: 'Contact the parent by the end of Tuesday 17 November',
    });
  });
});
