import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The kinds of record Baton keeps, each with its own retention period (UK GDPR art. 5(1)(e), storage limitation).
 * An authority sets its own periods in its tenant file; {@link DEFAULT_RETENTION} is what applies until it does.
 */
export const RECORD_KINDS = [
  'referral-not-accepted',
  'early-help-plan',
  'parenting-contract',
  'parenting-order',
  'enforcement-case',
  'notification',
  'access-record',
  'ledger-entry',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The date a period runs from:
 * - `created`: the record's own date (an inbox item, an access record);
 * - `closure`: the day the record was closed (a referral declined or withdrawn, a plan closed, a contract ended);
 * - `youngest-child-birth`: the youngest child's date of birth (so "25 years" is the youngest child's 25th
 *   birthday), never earlier than the record's closure;
 * - `order-end`: the day a parenting order ended (expired, discharged, quashed or completed), for the order and
 *   the enforcement cases under it;
 * - `family-erased`: the day the rest of the family's records were erased (the ledger's personal content goes
 *   with the records it describes).
 */
export const RETENTION_STARTS = ['created', 'closure', 'youngest-child-birth', 'order-end', 'family-erased'] as const;
export type RetentionStart = (typeof RETENTION_STARTS)[number];

/** One kind's period: years, months and days after `from`. */
export class RetentionRule {
  @IsIn(RECORD_KINDS)
  kind: RecordKind;

  @IsIn(RETENTION_STARTS)
  from: RetentionStart;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  years?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  months?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  days?: number;
}

function rule(kind: RecordKind, from: RetentionStart, years: number): RetentionRule {
  return Object.assign(new RetentionRule(), { kind, from, years });
}

/**
 * Baton's defaults, shaped on the pattern of English local-authority retention schedules. They are a starting point,
 * not advice: each authority confirms every line against its own schedule (README, "Records and retention").
 */
export const DEFAULT_RETENTION: readonly RetentionRule[] = Object.freeze([
  // A concern that did not lead to help: six years from the decision (the Limitation Act 1980's ordinary period).
  rule('referral-not-accepted', 'closure', 6),
  // Early help records: to the youngest child's 25th birthday, and never before the plan closed.
  rule('early-help-plan', 'youngest-child-birth', 25),
  // Youth justice and education welfare work: five years after it ended (the top of the usual 3–5 years).
  rule('parenting-contract', 'closure', 5),
  rule('parenting-order', 'order-end', 5),
  rule('enforcement-case', 'order-end', 5),
  // In-app notifications are working copies of what the records say.
  rule('notification', 'created', 2),
  // Who read what, kept for answering complaints and the ICO.
  rule('access-record', 'created', 6),
  // The ledger's personal content goes with the family's records; its links stay (docs/decisions/0001).
  rule('ledger-entry', 'family-erased', 0),
]);

/** The defaults with the tenant's own rules in place of the kinds it names. */
export function effectiveRetention(own: readonly RetentionRule[]): ReadonlyMap<RecordKind, RetentionRule> {
  const rules = new Map<RecordKind, RetentionRule>(DEFAULT_RETENTION.map((r) => [r.kind, r]));
  for (const r of own) rules.set(r.kind, r);
  return rules;
}

/** Cross-field rules the decorators cannot say: each kind once, a period that is not empty, a start that fits. */
export function retentionProblems(own: readonly RetentionRule[], field = 'retention'): string[] {
  const problems: string[] = [];
  const fits: Record<RecordKind, readonly RetentionStart[]> = {
    'referral-not-accepted': ['closure', 'youngest-child-birth'],
    'early-help-plan': ['closure', 'youngest-child-birth'],
    'parenting-contract': ['closure', 'youngest-child-birth'],
    'parenting-order': ['order-end', 'youngest-child-birth'],
    'enforcement-case': ['order-end', 'closure', 'youngest-child-birth'],
    notification: ['created', 'family-erased'],
    'access-record': ['created', 'family-erased'],
    'ledger-entry': ['family-erased'],
  };
  own.forEach((r, i) => {
    if (own.findIndex((other) => other.kind === r.kind) !== i) {
      problems.push(`${field}[${i}].kind: ${r.kind} is given more than once [unique]`);
    }
    const allowed = fits[r.kind];
    if (allowed && !allowed.includes(r.from)) {
      problems.push(`${field}[${i}].from: a ${r.kind} period runs from ${allowed.join(' or ')} [retentionStartFits]`);
    }
    const length = (r.years ?? 0) + (r.months ?? 0) + (r.days ?? 0);
    if (length === 0 && r.from !== 'family-erased') {
      problems.push(`${field}[${i}]: give years, months or days greater than 0 [retentionPeriodNotEmpty]`);
    }
  });
  return problems;
}
