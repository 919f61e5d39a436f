import type { ProgrammeSetting, RequirementKind } from '@baton/contracts';
import { lastDayOfPeriod, weekOf } from './calendar-dates.js';
import type { RuleViolation } from './rule-violation.js';

/** CDA 1998 s.8(4)(a): the requirements last at most 12 months. */
export const MAX_REQUIREMENT_MONTHS = 12;
/** CDA 1998 s.8(4)(b): the counselling or guidance programme runs at most 3 months. */
export const MAX_PROGRAMME_MONTHS = 3;
/**
 * Orders made before the Anti-social Behaviour Act 2003 amendments (2004) could not require
 * programme sessions more than once in any week (CDA 1998 s.8(5) as first enacted).
 */
export const WEEKLY_SESSION_LIMIT_BEFORE = '2004-01-01';

export interface RequirementTerms {
  kind: RequirementKind;
  startsOn: string;
  endsOn: string;
  setting?: ProgrammeSetting;
}

/** CDA 1998 s.8(7A): the two findings a court must record before directing a residential programme. */
export interface ResidentialFindings {
  moreEffectiveThanNonResidential: boolean;
  interferenceWithFamilyLifeProportionate: boolean;
}

export interface OrderTerms {
  madeOn: string;
  requirements: readonly RequirementTerms[];
  previousParentingOrder: boolean;
  residentialFindings?: ResidentialFindings;
  /** The end of the requirements the court specified; at most, and by default, 12 months. */
  requirementsEndOn?: string;
}

/** The last day any requirement of an order made on `madeOn` may run to. */
export function latestRequirementEnd(madeOn: string): string {
  return lastDayOfPeriod(madeOn, MAX_REQUIREMENT_MONTHS);
}

/** The last day a programme starting on `startsOn` may run to. */
export function latestProgrammeEnd(startsOn: string): string {
  return lastDayOfPeriod(startsOn, MAX_PROGRAMME_MONTHS);
}

/** One requirement against the limits of its order; `field` is the requirement's path in the request. */
export function requirementViolations(
  madeOn: string,
  r: RequirementTerms,
  field: string,
  findings?: ResidentialFindings,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (r.endsOn < r.startsOn) {
    violations.push({ field: `${field}.endsOn`, rule: 'endsOnOrAfterStart', message: 'ends before it starts' });
  }
  if (r.startsOn < madeOn) {
    violations.push({
      field: `${field}.startsOn`,
      rule: 'startsOnOrAfterOrderMade',
      message: `a requirement cannot start before the order was made (${madeOn})`,
    });
  }
  const latest = latestRequirementEnd(madeOn);
  if (r.endsOn > latest) {
    violations.push({
      field: `${field}.endsOn`,
      rule: 'CDA1998.s8(4).requirementsAtMost12Months',
      message: `requirements may last at most 12 months from the order (last day ${latest})`,
    });
  }
  if (r.kind === 'programme') {
    const programmeLatest = latestProgrammeEnd(r.startsOn);
    if (r.endsOn > programmeLatest) {
      violations.push({
        field: `${field}.endsOn`,
        rule: 'CDA1998.s8(4).programmeAtMost3Months',
        message: `the parenting programme may run at most 3 months (last day ${programmeLatest})`,
      });
    }
    if (r.setting === 'residential' && !bothFindings(findings)) {
      violations.push({
        field: `${field}.setting`,
        rule: 'CDA1998.s8(7A).residentialNeedsCourtFindings',
        message:
          'a residential programme needs both court findings recorded: more effective than non-residential, and a proportionate interference with family life',
      });
    }
  } else if (r.setting !== undefined) {
    violations.push({
      field: `${field}.setting`,
      rule: 'settingOnlyForProgramme',
      message: 'only the parenting programme has a setting',
    });
  }
  return violations;
}

function bothFindings(f: ResidentialFindings | undefined): boolean {
  return f?.moreEffectiveThanNonResidential === true && f.interferenceWithFamilyLifeProportionate === true;
}

/** The whole order as made: each requirement's limits, and the programme's presence (s.8(5)). */
export function orderViolations(terms: OrderTerms): RuleViolation[] {
  const violations = terms.requirements.flatMap((r, i) =>
    requirementViolations(terms.madeOn, r, `requirements[${i}]`, terms.residentialFindings),
  );
  const end = terms.requirementsEndOn;
  if (end !== undefined && end > latestRequirementEnd(terms.madeOn)) {
    violations.push({
      field: 'requirementsEndOn',
      rule: 'CDA1998.s8(4).requirementsAtMost12Months',
      message: `requirements may last at most 12 months from the order (last day ${latestRequirementEnd(terms.madeOn)})`,
    });
  } else if (end !== undefined) {
    terms.requirements.forEach((r, i) => {
      if (r.endsOn > end) {
        violations.push({
          field: `requirements[${i}].endsOn`,
          rule: 'withinOrderPeriod',
          message: `the order's requirements end on ${end}`,
        });
      }
    });
  }
  const programmes = terms.requirements.filter((r) => r.kind === 'programme').length;
  if (programmes === 0 && !terms.previousParentingOrder) {
    violations.push({
      field: 'requirements',
      rule: 'CDA1998.s8(5).programmeOmittedOnlyAfterPreviousOrder',
      message: 'the parenting programme may be omitted only if the parent has had a parenting order before',
    });
  }
  if (programmes > 1) {
    violations.push({
      field: 'requirements',
      rule: 'oneProgramme',
      message: 'an order directs one parenting programme',
    });
  }
  return violations;
}

/** A session must fall within its programme; before 2004, at most one a week. */
export function sessionViolations(
  order: { madeOn: string },
  programme: { startsOn: string; endsOn: string },
  sessionOn: string,
  otherSessionDays: readonly string[],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (sessionOn < programme.startsOn || sessionOn > programme.endsOn) {
    violations.push({
      field: 'startsAt',
      rule: 'CDA1998.s8(4).sessionWithinProgramme',
      message: `a session must fall within the programme (${programme.startsOn} to ${programme.endsOn})`,
    });
  }
  if (order.madeOn < WEEKLY_SESSION_LIMIT_BEFORE && otherSessionDays.some((d) => weekOf(d) === weekOf(sessionOn))) {
    violations.push({
      field: 'startsAt',
      rule: 'CDA1998.s8(5).pre2004AtMostOneSessionAWeek',
      message: 'an order made before 2004 may require at most one session in any week',
    });
  }
  return violations;
}
