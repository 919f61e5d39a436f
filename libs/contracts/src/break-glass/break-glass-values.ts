/**
 * Why someone needs a family's records that their agency is not involved with. Local practice may add words in
 * the free-text details; the list itself is what auditors group and count by.
 */
export const BREAK_GLASS_REASONS = [
  'immediate-safeguarding-risk',
  'missing-child',
  'out-of-hours-emergency',
  'police-or-court-request',
  'other',
] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];

/** The lawful basis an access under a break-glass grant records (beside the grant's id). */
export const BREAK_GLASS_LAWFUL_BASIS = 'break-glass';
