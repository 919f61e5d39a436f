/**
 * The statute a parenting contract is offered under; it decides who may offer it. Anti-social
 * Behaviour Act 2003 s.19 (school or local authority: exclusion, serious misbehaviour, irregular
 * attendance), s.25 (youth offending team), s.25A (local authority, anti-social behaviour),
 * s.25B (registered housing provider).
 */
export const CONTRACT_KINDS = ['asba-2003-s19', 'asba-2003-s25', 'asba-2003-s25a', 'asba-2003-s25b'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** Who provides the support and signs on the provider's behalf. */
export const CONTRACT_PROVIDER_KINDS = [
  'school',
  'local-authority',
  'youth-offending-team',
  'registered-housing-provider',
] as const;
export type ContractProviderKind = (typeof CONTRACT_PROVIDER_KINDS)[number];

/**
 * draft → offered → active (both signed) or refused → completed, ended-early or breached.
 * The parent cannot be made to sign: refusal is a recorded end, never a forced signature.
 */
export const CONTRACT_STATES = [
  'draft',
  'offered',
  'active',
  'refused',
  'completed',
  'ended-early',
  'breached',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

/** Why a contract ended before its period was over. */
export const CONTRACT_EARLY_END_REASONS = [
  'parent-withdrew',
  'family-moved-away',
  'needs-met',
  'order-applied-for',
  'other',
] as const;
export type ContractEarlyEndReason = (typeof CONTRACT_EARLY_END_REASONS)[number];
