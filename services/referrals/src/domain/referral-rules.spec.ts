import { childDateViolations, childNameKey as nameKey, isValidNhsNumber } from '@baton/contracts';
import { identityWithheld, sourceCodeViolations } from './referral-source.rules.js';
import { awaitingTriageViolations, decisionViolations, isUrgentOutcome } from './triage-decision.rules.js';

const TODAY = '2026-11-23';

describe('referral source codes', () => {
  it('accepts a school referral coded 2A', () => {
    expect(sourceCodeViolations('2A', { kind: 'practitioner' })).toEqual([]);
  });

  it("refuses an individual's code on a practitioner's referral", () => {
    expect(sourceCodeViolations('1C', { kind: 'practitioner' })).toEqual([
      expect.objectContaining({ field: 'sourceCode', rule: 'sourceCodeMatchesSource' }),
    ]);
  });

  it('requires a self-referral to be coded 1C and an anonymous one 9', () => {
    expect(sourceCodeViolations('1C', { kind: 'individual', relationship: 'self' })).toEqual([]);
    expect(sourceCodeViolations('1A', { kind: 'individual', relationship: 'self' })).toHaveLength(1);
    expect(sourceCodeViolations('9', { kind: 'individual', relationship: 'anonymous' })).toEqual([]);
    expect(sourceCodeViolations('1D', { kind: 'individual', relationship: 'anonymous' })).toHaveLength(1);
  });

  it('allows 10 (unknown) for anyone', () => {
    expect(sourceCodeViolations('10', { kind: 'individual', relationship: 'family-member' })).toEqual([]);
    expect(sourceCodeViolations('10', { kind: 'practitioner' })).toEqual([]);
  });

  it("always withholds an anonymous referrer's identity", () => {
    expect(identityWithheld({ relationship: 'anonymous', identityWithheld: false })).toBe(true);
    expect(identityWithheld({ relationship: 'self' })).toBe(false);
    expect(identityWithheld({ relationship: 'family-member', identityWithheld: true })).toBe(true);
  });
});

describe("children's dates", () => {
  it('accepts a child born in the past and an unborn child expected within ten months', () => {
    expect(childDateViolations([{ dateOfBirth: '2019-06-01' }, { expectedDateOfBirth: '2027-03-01' }], TODAY)).toEqual(
      [],
    );
  });

  it('refuses a date of birth in the future, pointing to expectedDateOfBirth', () => {
    const [v] = childDateViolations([{ dateOfBirth: '2026-11-24' }], TODAY);
    expect(v).toMatchObject({ field: 'family.children[0].dateOfBirth', rule: 'isNotFuture' });
    expect(v.message).toMatch(/expectedDateOfBirth/);
  });

  it('accepts a baby born today', () => {
    expect(childDateViolations([{ dateOfBirth: TODAY }], TODAY)).toEqual([]);
  });

  it('refuses a child with neither date, or with both', () => {
    expect(childDateViolations([{}], TODAY)[0].rule).toBe('oneOfDateOfBirthOrExpected');
    expect(childDateViolations([{ dateOfBirth: '2020-01-01', expectedDateOfBirth: '2027-01-01' }], TODAY)[0].rule).toBe(
      'oneOfDateOfBirthOrExpected',
    );
  });

  it('refuses a young person aged 25 or more', () => {
    expect(childDateViolations([{ dateOfBirth: '2001-11-23' }], TODAY)[0].rule).toBe('isUnderMaximumAge');
    expect(childDateViolations([{ dateOfBirth: '2001-11-24' }], TODAY)).toEqual([]);
  });

  it('refuses an expected date in the past or beyond a pregnancy', () => {
    expect(childDateViolations([{ expectedDateOfBirth: '2026-11-22' }], TODAY)[0].rule).toBe('isNotPast');
    expect(childDateViolations([{ expectedDateOfBirth: '2027-11-01' }], TODAY)[0].rule).toBe('isWithinPregnancy');
  });

  it('names the child by position', () => {
    const [v] = childDateViolations([{ dateOfBirth: '2019-01-01' }, { dateOfBirth: '2030-01-01' }], TODAY);
    expect(v.field).toBe('family.children[1].dateOfBirth');
  });
});

describe('NHS numbers', () => {
  it('accepts a number whose check digit is right, with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it('refuses a wrong check digit, a check value of 10, and the wrong length', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('1000000010')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });
});

describe('child identity for duplicates', () => {
  it('matches names regardless of case, accents and spacing', () => {
    expect(nameKey({ givenName: ' Zoë ', familyName: 'ODELL', dateOfBirth: '2018-02-02' })).toBe(
      nameKey({ givenName: 'zoe', familyName: 'odell', dateOfBirth: '2018-02-02' }),
    );
  });

  it('has no name key for an unborn child', () => {
    expect(nameKey({ givenName: 'Baby', familyName: 'Example' })).toBeUndefined();
  });
});

describe('triage decisions', () => {
  it('signposts only at level 1, accepts early help at 2–3, steps up only at 4', () => {
    expect(decisionViolations('signpost-universal', 1)).toEqual([]);
    expect(decisionViolations('signpost-universal', 2)[0].rule).toBe('levelFitsOutcome');
    expect(decisionViolations('accept-early-help', 2)).toEqual([]);
    expect(decisionViolations('accept-early-help', 3)).toEqual([]);
    expect(decisionViolations('accept-early-help', 4)[0].message).toMatch(/levels 2 or 3/);
    expect(decisionViolations('step-up-social-care', 4)).toEqual([]);
    expect(decisionViolations('step-up-social-care', 3)).toHaveLength(1);
  });

  it('never closes acute need with no further action', () => {
    expect(decisionViolations('no-further-action', 4)).toHaveLength(1);
    expect(decisionViolations('no-further-action', 2)).toEqual([]);
  });

  it('decides only referrals awaiting triage', () => {
    expect(awaitingTriageViolations('received')).toEqual([]);
    expect(awaitingTriageViolations('decided')[0].rule).toBe('isAwaitingTriage');
    expect(awaitingTriageViolations('withdrawn')[0].message).toMatch(/withdrawn/);
  });

  it('treats step-up as urgent', () => {
    expect(isUrgentOutcome('step-up-social-care')).toBe(true);
    expect(isUrgentOutcome('accept-early-help')).toBe(false);
  });
});
