/** A request that is well-formed but breaks a rule of the domain: which field, which rule, why. */
export interface RuleViolation {
  field: string;
  rule: string;
  message: string;
}
