import { ORDER_LEGAL_BASES } from '@baton/contracts';
import { appealRouteFor, LEGAL_BASES, legalBasisViolations } from './legal-basis.table.js';

const rules = (v: { rule: string }[]) => v.map((x) => x.rule);

describe('legal basis of a parenting order', () => {
  it('has a rule for every legal basis in the contracts', () => {
    expect(Object.keys(LEGAL_BASES).sort()).toEqual([...ORDER_LEGAL_BASES].sort());
  });

  it('lets only a local authority or a school apply under ASBA 2003 s.20', () => {
    expect(legalBasisViolations('asba-2003-s20', 'school', 'education-welfare', 'magistrates-court')).toEqual([]);
    expect(
      rules(legalBasisViolations('asba-2003-s20', 'youth-offending-team', 'education-welfare', 'magistrates-court')),
    ).toEqual(['legalBasis.applicant']);
  });

  it('has a youth offending team hold an order made on conviction (SA 2020 s.366)', () => {
    expect(rules(legalBasisViolations('sa-2020-s366', 'court-own-motion', 'education-welfare', 'youth-court'))).toEqual(
      ['legalBasis.holder'],
    );
    expect(
      rules(legalBasisViolations('sa-2020-s366', 'court-own-motion', 'youth-offending-team', 'family-court')),
    ).toEqual(['legalBasis.criminalCourt']);
  });

  it('routes appeals by the court that made the order', () => {
    expect(appealRouteFor('asba-2003-s26', 'magistrates-court')).toBe('crown-court');
    expect(appealRouteFor('sa-2020-s366', 'crown-court')).toBe('court-of-appeal');
    expect(appealRouteFor('cda-1998-s8', 'family-court')).toBe('high-court');
    expect(appealRouteFor('sa-2020-s369', 'youth-court')).toBe('crown-court');
  });
});
