import { CONTRACT_STATES } from '@baton/contracts';
import {
  CONTRACT_TRANSITIONS,
  draftViolations,
  isAttendanceContract,
  offerViolations,
  signatureViolations,
  transitionViolations,
} from './contract-lifecycle.rules.js';

const rules = (v: { rule: string }[]) => v.map((x) => x.rule);

describe('parenting contract lifecycle (ASBA 2003 ss.19, 25, 25A, 25B)', () => {
  it('lets the kind of contract decide who may offer it and on what grounds', () => {
    expect(draftViolations('asba-2003-s19', 'school', 'irregular-attendance')).toEqual([]);
    expect(rules(draftViolations('asba-2003-s25', 'school', 'criminal-conduct'))).toEqual(['contractKind.provider']);
    expect(rules(draftViolations('asba-2003-s25b', 'registered-housing-provider', 'exclusion'))).toEqual([
      'contractKind.ground',
    ]);
  });

  it('calls an s.19 contract about attendance an attendance contract', () => {
    expect(isAttendanceContract('asba-2003-s19', 'irregular-attendance')).toBe(true);
    expect(isAttendanceContract('asba-2003-s19', 'exclusion')).toBe(false);
  });

  it.each([
    ['draft', 'offered'],
    ['offered', 'active'],
    ['offered', 'refused'],
    ['active', 'completed'],
    ['active', 'ended-early'],
    ['active', 'breached'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(transitionViolations(from, to)).toEqual([]);
  });

  it('never turns a refusal into a signature, nor revives an ended contract', () => {
    for (const from of ['refused', 'completed', 'ended-early', 'breached'] as const) {
      for (const to of CONTRACT_STATES) expect(rules(transitionViolations(from, to))).toEqual(['contractLifecycle']);
    }
    expect(CONTRACT_TRANSITIONS.draft).not.toContain('active');
  });

  it('is valid only with the parent statement, the provider support and a specified period', () => {
    const v = offerViolations({
      parentRequirements: [],
      support: [],
      periodStartsOn: '2026-02-01',
      periodEndsOn: '2026-01-01',
    });
    expect(rules(v)).toEqual([
      'ASBA2003.s19(4).parentStatementRequired',
      'ASBA2003.s19(5).providerSupportRequired',
      'ASBA2003.s19(4).specifiedPeriod',
    ]);
  });

  it('refuses signatures dated before the offer', () => {
    expect(rules(signatureViolations('2026-02-01', '2026-01-31', '2026-02-01'))).toEqual(['signedAfterOffer']);
  });
});
