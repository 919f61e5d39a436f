import { ProblemException } from '@baton/http-api';
import type { RuleViolation } from '../domain/rule-violation.js';

/** Throws the violations as one problem+json naming every field and rule; nothing has been written. */
export function refuseIfAny(violations: readonly RuleViolation[], title: string, status = 422): void {
  if (violations.length === 0) return;
  const first = violations[0];
  throw ProblemException.of(status, slugOf(first.rule), title, first.message, { errors: [...violations] });
}

/** A rule such as `CDA1998.s8(4).programmeAtMost3Months` as a URI path segment. */
function slugOf(rule: string): string {
  return rule.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
