import { erasableFrom, holdsInForce, retentionVerdict, type LegalHold } from './retention-rules.js';
import { DEFAULT_RETENTION, RetentionRule, effectiveRetention, type RecordKind } from './retention-schedule.js';

const rule = (fields: Partial<RetentionRule>): RetentionRule =>
  Object.assign(new RetentionRule(), { kind: 'early-help-plan', from: 'closure', ...fields });
const byDefault = (kind: RecordKind): RetentionRule => effectiveRetention([]).get(kind) as RetentionRule;

describe('erasableFrom', () => {
  it('keeps an early help plan to the youngest child’s 25th birthday and erases it the day after', () => {
    const plan = byDefault('early-help-plan');
    const dates = { createdOn: '2026-01-05', closedOn: '2027-03-31', childBirthDates: ['2012-06-14', '2016-09-02'] };
    expect(erasableFrom(plan, dates)).toBe('2041-09-03');
  });

  it('never lets a birthday period end before the plan closed', () => {
    // The youngest turned 25 before the plan closed (a young carer's plan for an older sibling, say).
    const dates = { createdOn: '2026-01-05', closedOn: '2026-11-30', childBirthDates: ['2000-01-01'] };
    expect(erasableFrom(byDefault('early-help-plan'), dates)).toBe('2026-12-01');
  });

  it('takes a 29 February birthday to 28 February in a common year', () => {
    const dates = { createdOn: '2026-01-05', closedOn: '2027-01-01', childBirthDates: ['2008-02-29'] };
    expect(erasableFrom(byDefault('early-help-plan'), dates)).toBe('2033-03-01');
  });

  it('runs from closure without a known child', () => {
    const dates = { createdOn: '2026-01-05', closedOn: '2027-01-10', childBirthDates: [] };
    expect(erasableFrom(byDefault('early-help-plan'), dates)).toBe('2052-01-11');
  });

  it('cannot say while the record is open, the order in force or the family’s records remain', () => {
    expect(
      erasableFrom(byDefault('early-help-plan'), { createdOn: '2026-01-05', childBirthDates: ['2016-01-01'] }),
    ).toBeUndefined();
    expect(erasableFrom(byDefault('referral-not-accepted'), { createdOn: '2026-01-05' })).toBeUndefined();
    expect(
      erasableFrom(byDefault('parenting-order'), { createdOn: '2026-01-05', closedOn: '2026-02-01' }),
    ).toBeUndefined();
    expect(erasableFrom(byDefault('ledger-entry'), { createdOn: '2026-01-05' })).toBeUndefined();
  });

  it('counts a closure period in whole years, months and days after the closing day', () => {
    expect(erasableFrom(byDefault('referral-not-accepted'), { createdOn: '2026-01-05', closedOn: '2026-01-07' })).toBe(
      '2032-01-08',
    );
    const short = rule({ kind: 'parenting-contract', from: 'closure', years: 1, months: 2, days: 3 });
    expect(erasableFrom(short, { createdOn: '2026-01-05', closedOn: '2026-12-31' })).toBe('2028-03-04');
    // Month ends clamp: 31 January plus one month is 28 February.
    const month = rule({ kind: 'parenting-contract', from: 'closure', months: 1 });
    expect(erasableFrom(month, { createdOn: '2026-01-05', closedOn: '2027-01-31' })).toBe('2027-03-01');
  });

  it('runs an order and its enforcement cases from the order’s end', () => {
    const dates = { createdOn: '2026-01-05', closedOn: '2026-05-01', orderEndedOn: '2027-01-04' };
    expect(erasableFrom(byDefault('parenting-order'), dates)).toBe('2032-01-05');
    expect(erasableFrom(byDefault('enforcement-case'), dates)).toBe('2032-01-05');
  });

  it('runs notifications and access records from their own date', () => {
    expect(erasableFrom(byDefault('notification'), { createdOn: '2026-12-04' })).toBe('2028-12-05');
    expect(erasableFrom(byDefault('access-record'), { createdOn: '2026-12-04' })).toBe('2032-12-05');
  });

  it('erases the ledger’s personal content on the day the family’s records go', () => {
    expect(erasableFrom(byDefault('ledger-entry'), { createdOn: '2026-01-05', familyErasedOn: '2041-09-03' })).toBe(
      '2041-09-03',
    );
  });

  it('refuses a date that is not a calendar date, naming it', () => {
    expect(() => erasableFrom(byDefault('notification'), { createdOn: '2026-02-30' })).toThrow(/createdOn/);
  });
});

describe('effectiveRetention', () => {
  it('has a default for every kind of record', () => {
    expect(effectiveRetention([]).size).toBe(8);
    expect(DEFAULT_RETENTION.map((r) => r.kind)).toHaveLength(8);
  });

  it('puts the tenant’s own rule in place of the default for its kind only', () => {
    const own = rule({ kind: 'parenting-order', from: 'order-end', years: 3 });
    const rules = effectiveRetention([own]);
    expect(rules.get('parenting-order')).toBe(own);
    expect(rules.get('parenting-contract')?.years).toBe(5);
  });
});

describe('legal holds', () => {
  const familyHold: LegalHold = { familyId: 'fam-1', placedOn: '2030-01-01' };
  const recordHold: LegalHold = {
    familyId: 'fam-2',
    recordId: 'plan-9',
    placedOn: '2030-01-01',
    liftedOn: '2031-06-01',
  };

  it('a family hold covers every record of the family from the day it is placed', () => {
    expect(holdsInForce([familyHold], { familyId: 'fam-1', recordId: 'anything' }, '2030-01-01')).toHaveLength(1);
    expect(holdsInForce([familyHold], { familyId: 'fam-1' }, '2029-12-31')).toHaveLength(0);
    expect(holdsInForce([familyHold], { familyId: 'fam-3' }, '2030-06-01')).toHaveLength(0);
  });

  it('a record hold covers only that record, until the day it is lifted', () => {
    expect(holdsInForce([recordHold], { familyId: 'fam-2', recordId: 'plan-9' }, '2031-05-31')).toHaveLength(1);
    expect(holdsInForce([recordHold], { familyId: 'fam-2', recordId: 'plan-9' }, '2031-06-01')).toHaveLength(0);
    expect(holdsInForce([recordHold], { familyId: 'fam-2', recordId: 'order-1' }, '2031-01-01')).toHaveLength(0);
  });
});

describe('retentionVerdict', () => {
  const plan = byDefault('referral-not-accepted');
  const dates = { createdOn: '2026-01-05', closedOn: '2026-01-07' };
  const record = { familyId: 'fam-1', recordId: 'ref-1' };

  it('keeps an open record, and one within its period', () => {
    expect(retentionVerdict(plan, { createdOn: '2026-01-05' }, record, [], '2040-01-01')).toEqual({
      erase: false,
      reason: 'open',
    });
    expect(retentionVerdict(plan, dates, record, [], '2032-01-07')).toEqual({
      erase: false,
      reason: 'within-period',
      erasableFrom: '2032-01-08',
    });
  });

  it('erases once the period has passed', () => {
    expect(retentionVerdict(plan, dates, record, [], '2032-01-08')).toEqual({
      erase: true,
      erasableFrom: '2032-01-08',
    });
  });

  it('never erases a held record, and erases it once the hold is lifted', () => {
    const hold: LegalHold = { familyId: 'fam-1', placedOn: '2031-01-01', liftedOn: '2033-01-01' };
    expect(retentionVerdict(plan, dates, record, [hold], '2032-06-01')).toEqual({
      erase: false,
      reason: 'held',
      erasableFrom: '2032-01-08',
    });
    expect(retentionVerdict(plan, dates, record, [hold], '2033-01-01').erase).toBe(true);
  });
});
