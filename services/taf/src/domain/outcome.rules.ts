import type { RuleViolation } from './rule-violation.js';

/**
 * Outcomes use the tenant's Supporting Families headline outcomes; an outcome with actions cannot be dropped
 * (cancel its actions first, so the record of what was asked stays whole).
 */
export function outcomesViolations(
  outcomes: readonly { outcomeId?: string; headlineOutcome: string }[],
  knownHeadlines: readonly string[],
  currentOutcomeIds: readonly string[],
  outcomeIdsWithActions: readonly string[],
): RuleViolation[] {
  const violations: RuleViolation[] = outcomes.flatMap((o, i) => [
    ...(knownHeadlines.includes(o.headlineOutcome)
      ? []
      : [
          {
            field: `outcomes[${i}].headlineOutcome`,
            rule: 'isHeadlineOutcome',
            message: `${o.headlineOutcome} is not one of the tenant's headline outcomes (${knownHeadlines.join(', ')})`,
            kind: 'rule' as const,
          },
        ]),
    ...(o.outcomeId === undefined || currentOutcomeIds.includes(o.outcomeId)
      ? []
      : [
          {
            field: `outcomes[${i}].outcomeId`,
            rule: 'isPlanOutcome',
            message: `${o.outcomeId} is not an outcome of this plan; leave it out to add a new outcome`,
            kind: 'rule' as const,
          },
        ]),
  ]);
  const kept = new Set(outcomes.map((o) => o.outcomeId).filter((id): id is string => id !== undefined));
  for (const id of outcomeIdsWithActions) {
    if (!kept.has(id)) {
      violations.push({
        field: 'outcomes',
        rule: 'keepsOutcomesWithActions',
        message: `outcome ${id} has actions and must stay`,
        kind: 'rule',
      });
    }
  }
  return violations;
}
