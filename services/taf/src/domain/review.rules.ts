import type { RuleViolation } from './rule-violation.js';

/**
 * A review is held on a real day of the plan's life (not before it opened, not in the future) and reports
 * progress on each agreed outcome once, and only on those.
 */
export function reviewViolations(
  review: { heldOn: string; progress: readonly { outcomeId: string }[] },
  plan: { openedOn: string; today: string; outcomeIds: readonly string[] },
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (review.heldOn > plan.today) {
    violations.push({ field: 'heldOn', rule: 'isNotFuture', message: `${review.heldOn} is after today`, kind: 'rule' });
  }
  if (review.heldOn < plan.openedOn) {
    violations.push({
      field: 'heldOn',
      rule: 'isNotBeforePlanOpened',
      message: `the plan opened on ${plan.openedOn}`,
      kind: 'rule',
    });
  }
  const reported = review.progress.map((p) => p.outcomeId);
  review.progress.forEach((p, i) => {
    if (!plan.outcomeIds.includes(p.outcomeId)) {
      violations.push({
        field: `progress[${i}].outcomeId`,
        rule: 'isPlanOutcome',
        message: `${p.outcomeId} is not an outcome of this plan`,
        kind: 'rule',
      });
    } else if (reported.indexOf(p.outcomeId) !== i) {
      violations.push({
        field: `progress[${i}].outcomeId`,
        rule: 'oncePerOutcome',
        message: `progress on ${p.outcomeId} is already given`,
        kind: 'rule',
      });
    }
  });
  const missing = plan.outcomeIds.filter((id) => !reported.includes(id));
  if (missing.length > 0) {
    violations.push({
      field: 'progress',
      rule: 'coversEveryOutcome',
      message: `give progress on every agreed outcome; missing ${missing.join(', ')}`,
      kind: 'rule',
    });
  }
  return violations;
}
