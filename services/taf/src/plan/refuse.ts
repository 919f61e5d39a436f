import { ProblemException } from '@baton/http-api';
import type { RuleViolation } from '../domain/rule-violation.js';

const STATUS: Record<RuleViolation['kind'], number> = { forbidden: 403, conflict: 409, rule: 422 };

/** Throws the problem for the first kind of violation found (forbidden, then conflict, then rule), naming them all. */
export function refuseIfAny(violations: RuleViolation[], title: string): void {
  if (violations.length === 0) return;
  const first =
    violations.find((v) => v.kind === 'forbidden') ?? violations.find((v) => v.kind === 'conflict') ?? violations[0];
  const same = violations.filter((v) => v.kind === first.kind);
  throw ProblemException.of(STATUS[first.kind], first.rule, title, first.message, {
    errors: same.map(({ field, rule, message }) => ({ field, rule, message })),
  });
}
