/**
 * A request that is well-formed but cannot be done: which field, which rule, why. `kind` says whether
 * the plan's state forbids it now (`conflict`), the request itself breaks a rule (`rule`), or the caller
 * may not do it (`forbidden`).
 */
export interface RuleViolation {
  field: string;
  rule: string;
  message: string;
  kind: 'conflict' | 'rule' | 'forbidden';
}
