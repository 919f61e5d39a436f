import fc from 'fast-check';
import { addDays, addMonths, lastDayOfPeriod } from './calendar-dates.js';
import {
  latestProgrammeEnd,
  latestRequirementEnd,
  orderViolations,
  requirementViolations,
  sessionViolations,
  type RequirementTerms,
} from './order-limits.rules.js';

const dayIn = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));
const madeOnArb = dayIn('2003-01-01', 9000);
const rules = (v: { rule: string }[]) => v.map((x) => x.rule);

const programme = (startsOn: string, endsOn: string): RequirementTerms => ({ kind: 'programme', startsOn, endsOn });

describe('parenting order limits (CDA 1998 s.8)', () => {
  it('ends a 12-month order on the day before the anniversary of its making', () => {
    expect(latestRequirementEnd('2026-01-05')).toBe('2027-01-04');
    expect(latestRequirementEnd('2024-02-29')).toBe('2025-02-27');
    expect(latestProgrammeEnd('2026-11-30')).toBe('2027-02-27');
  });

  it('accepts any requirement ending on or before the last day of 12 months', () => {
    fc.assert(
      fc.property(madeOnArb, fc.integer({ min: 0, max: 400 }), (madeOn, back) => {
        const latest = latestRequirementEnd(madeOn);
        const endsOn = addDays(latest, -back) < madeOn ? madeOn : addDays(latest, -back);
        const v = requirementViolations(madeOn, { kind: 'attend-meetings', startsOn: madeOn, endsOn }, 'r');
        expect(v).toEqual([]);
      }),
    );
  });

  it('refuses every requirement that runs past 12 months, naming the rule and the field', () => {
    fc.assert(
      fc.property(madeOnArb, fc.integer({ min: 1, max: 400 }), (madeOn, over) => {
        const endsOn = addDays(latestRequirementEnd(madeOn), over);
        const v = requirementViolations(
          madeOn,
          { kind: 'escort-to-school', startsOn: madeOn, endsOn },
          'requirements[0]',
        );
        expect(v).toContainEqual(
          expect.objectContaining({
            field: 'requirements[0].endsOn',
            rule: 'CDA1998.s8(4).requirementsAtMost12Months',
          }),
        );
      }),
    );
  });

  it('never lets a 12-month period reach the anniversary, nor fall short of 11 months', () => {
    fc.assert(
      fc.property(madeOnArb, (madeOn) => {
        const latest = latestRequirementEnd(madeOn);
        expect(latest < addMonths(madeOn, 12)).toBe(true);
        expect(latest >= addMonths(madeOn, 11)).toBe(true);
      }),
    );
  });

  it('refuses a programme longer than 3 months and accepts one of exactly 3', () => {
    fc.assert(
      fc.property(
        madeOnArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        (madeOn, delay, over) => {
          const startsOn = addDays(madeOn, delay);
          const exact = requirementViolations(madeOn, programme(startsOn, lastDayOfPeriod(startsOn, 3)), 'p');
          expect(rules(exact)).not.toContain('CDA1998.s8(4).programmeAtMost3Months');
          const long = requirementViolations(
            madeOn,
            programme(startsOn, addDays(lastDayOfPeriod(startsOn, 3), over)),
            'p',
          );
          expect(rules(long)).toContain('CDA1998.s8(4).programmeAtMost3Months');
        },
      ),
    );
  });

  it('refuses a requirement that starts before the order was made or ends before it starts', () => {
    const v = requirementViolations('2026-03-01', { kind: 'other', startsOn: '2026-02-01', endsOn: '2026-01-01' }, 'r');
    expect(rules(v)).toEqual(['endsOnOrAfterStart', 'startsOnOrAfterOrderMade']);
  });

  it('lets the programme be omitted only when the parent has had a parenting order before', () => {
    const meetings: RequirementTerms = { kind: 'attend-meetings', startsOn: '2026-01-05', endsOn: '2026-06-30' };
    const first = orderViolations({ madeOn: '2026-01-05', requirements: [meetings], previousParentingOrder: false });
    expect(first).toEqual([
      expect.objectContaining({ field: 'requirements', rule: 'CDA1998.s8(5).programmeOmittedOnlyAfterPreviousOrder' }),
    ]);
    expect(orderViolations({ madeOn: '2026-01-05', requirements: [meetings], previousParentingOrder: true })).toEqual(
      [],
    );
  });

  it('needs both court findings for a residential programme', () => {
    const residential: RequirementTerms = { ...programme('2026-01-05', '2026-03-31'), setting: 'residential' };
    const terms = { madeOn: '2026-01-05', requirements: [residential], previousParentingOrder: false };
    const rule = 'CDA1998.s8(7A).residentialNeedsCourtFindings';
    expect(rules(orderViolations(terms))).toContain(rule);
    const oneFinding = { moreEffectiveThanNonResidential: true, interferenceWithFamilyLifeProportionate: false };
    expect(rules(orderViolations({ ...terms, residentialFindings: oneFinding }))).toContain(rule);
    const both = { moreEffectiveThanNonResidential: true, interferenceWithFamilyLifeProportionate: true };
    expect(orderViolations({ ...terms, residentialFindings: both })).toEqual([]);
  });

  it('gives only the programme a setting, and one programme per order', () => {
    const v = orderViolations({
      madeOn: '2026-01-05',
      requirements: [
        programme('2026-01-05', '2026-02-05'),
        programme('2026-03-01', '2026-04-01'),
        { kind: 'attend-meetings', startsOn: '2026-01-05', endsOn: '2026-02-01', setting: 'residential' },
      ],
      previousParentingOrder: false,
    });
    expect(rules(v)).toEqual(['settingOnlyForProgramme', 'oneProgramme']);
  });

  it('keeps sessions within the programme', () => {
    const p = { startsOn: '2026-01-05', endsOn: '2026-04-04' };
    expect(sessionViolations({ madeOn: '2026-01-05' }, p, '2026-04-05', [])).toEqual([
      expect.objectContaining({ field: 'startsAt', rule: 'CDA1998.s8(4).sessionWithinProgramme' }),
    ]);
    expect(sessionViolations({ madeOn: '2026-01-05' }, p, '2026-01-06', ['2026-01-05'])).toEqual([]);
  });

  it('limits an order made before 2004 to one session in any week, and later orders not at all', () => {
    fc.assert(
      fc.property(dayIn('2003-01-06', 300), fc.integer({ min: 0, max: 6 }), (monday, offset) => {
        const weekStart = addDays(monday, -((new Date(`${monday}T00:00:00Z`).getUTCDay() + 6) % 7));
        const p = { startsOn: '2003-01-01', endsOn: '2004-12-31' };
        const second = addDays(weekStart, offset);
        const pre2004 = sessionViolations({ madeOn: '2003-01-01' }, p, second, [weekStart]);
        expect(rules(pre2004)).toContain('CDA1998.s8(5).pre2004AtMostOneSessionAWeek');
        expect(sessionViolations({ madeOn: '2003-01-01' }, p, addDays(weekStart, 7), [weekStart])).toEqual([]);
        expect(sessionViolations({ madeOn: '2004-01-01' }, p, second, [weekStart])).toEqual([]);
      }),
    );
  });
});

describe('the order period the court specified', () => {
  it('may not exceed 12 months, and holds every requirement within it', () => {
    const meetings: RequirementTerms = { kind: 'attend-meetings', startsOn: '2026-01-05', endsOn: '2026-08-01' };
    const base = { madeOn: '2026-01-05', requirements: [meetings], previousParentingOrder: true };
    expect(rules(orderViolations({ ...base, requirementsEndOn: '2027-01-05' }))).toEqual([
      'CDA1998.s8(4).requirementsAtMost12Months',
    ]);
    expect(rules(orderViolations({ ...base, requirementsEndOn: '2026-07-31' }))).toEqual(['withinOrderPeriod']);
    expect(orderViolations({ ...base, requirementsEndOn: '2027-01-04' })).toEqual([]);
  });
});
