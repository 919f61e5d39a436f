import type { ContractKind, ContractProviderKind, ContractState } from '@baton/contracts';
import type { RuleViolation } from './rule-violation.js';

/** ASBA 2003: the kind of contract decides who may offer it. */
export const CONTRACT_PROVIDERS: Readonly<Record<ContractKind, readonly ContractProviderKind[]>> = {
  // s.19: the school (governing body or head teacher) or the local authority.
  'asba-2003-s19': ['school', 'local-authority'],
  // s.25: a member of the youth offending team.
  'asba-2003-s25': ['youth-offending-team'],
  // s.25A: the local authority, for anti-social behaviour.
  'asba-2003-s25a': ['local-authority'],
  // s.25B: a registered housing provider.
  'asba-2003-s25b': ['registered-housing-provider'],
};

/** The grounds each kind of contract may be entered on (ASBA 2003 ss.19, 25, 25A, 25B). */
export const CONTRACT_GROUNDS = [
  'exclusion',
  'serious-misbehaviour',
  'irregular-attendance',
  'criminal-conduct',
  'anti-social-behaviour',
] as const;
export type ContractGround = (typeof CONTRACT_GROUNDS)[number];

const GROUNDS_BY_KIND: Readonly<Record<ContractKind, readonly ContractGround[]>> = {
  'asba-2003-s19': ['exclusion', 'serious-misbehaviour', 'irregular-attendance'],
  'asba-2003-s25': ['criminal-conduct', 'anti-social-behaviour'],
  'asba-2003-s25a': ['anti-social-behaviour'],
  'asba-2003-s25b': ['anti-social-behaviour'],
};

/** What may happen next from each state. The parent's refusal is a recorded end, never overridden. */
export const CONTRACT_TRANSITIONS: Readonly<Record<ContractState, readonly ContractState[]>> = {
  draft: ['offered'],
  offered: ['active', 'refused'],
  active: ['completed', 'ended-early', 'breached'],
  refused: [],
  completed: [],
  'ended-early': [],
  breached: [],
};

export function draftViolations(
  kind: ContractKind,
  provider: ContractProviderKind,
  ground: ContractGround,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!CONTRACT_PROVIDERS[kind].includes(provider)) {
    violations.push({
      field: 'kind',
      rule: 'contractKind.provider',
      message: `a ${kind} contract is offered by: ${CONTRACT_PROVIDERS[kind].join(', ')}`,
    });
  }
  if (!GROUNDS_BY_KIND[kind].includes(ground)) {
    violations.push({
      field: 'ground',
      rule: 'contractKind.ground',
      message: `a ${kind} contract is entered on: ${GROUNDS_BY_KIND[kind].join(', ')}`,
    });
  }
  return violations;
}

/** An s.19 contract about attendance has been called an attendance contract since August 2024. */
export function isAttendanceContract(kind: ContractKind, ground: ContractGround): boolean {
  return kind === 'asba-2003-s19' && ground === 'irregular-attendance';
}

export function transitionViolations(from: ContractState, to: ContractState): RuleViolation[] {
  if (CONTRACT_TRANSITIONS[from].includes(to)) return [];
  return [
    {
      field: 'state',
      rule: 'contractLifecycle',
      message: `a contract that is ${from} cannot become ${to}`,
    },
  ];
}

export interface OfferTerms {
  parentRequirements: readonly string[];
  support: readonly string[];
  periodStartsOn: string;
  periodEndsOn: string;
}

/**
 * ASBA 2003 s.19(4)–(5) (and ss.25–25B alike): valid only with the parent's statement of
 * requirements for a specified period and the provider's statement of support.
 */
export function offerViolations(terms: OfferTerms): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (terms.parentRequirements.length === 0) {
    violations.push({
      field: 'parentRequirements',
      rule: 'ASBA2003.s19(4).parentStatementRequired',
      message: "the parent's statement of requirements is required",
    });
  }
  if (terms.support.length === 0) {
    violations.push({
      field: 'support',
      rule: 'ASBA2003.s19(5).providerSupportRequired',
      message: "the provider's statement of support is required",
    });
  }
  if (terms.periodEndsOn < terms.periodStartsOn) {
    violations.push({
      field: 'periodEndsOn',
      rule: 'ASBA2003.s19(4).specifiedPeriod',
      message: 'the specified period ends before it starts',
    });
  }
  return violations;
}

/** Both signatures, parent's and on behalf of the provider, are needed; neither before the offer. */
export function signatureViolations(
  offeredOn: string,
  parentSignedOn: string,
  providerSignedOn: string,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (parentSignedOn < offeredOn) {
    violations.push({
      field: 'parentSignedOn',
      rule: 'signedAfterOffer',
      message: `signed before the offer (${offeredOn})`,
    });
  }
  if (providerSignedOn < offeredOn) {
    violations.push({
      field: 'providerSignedOn',
      rule: 'signedAfterOffer',
      message: `signed before the offer (${offeredOn})`,
    });
  }
  return violations;
}
