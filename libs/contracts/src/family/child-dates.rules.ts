import { differenceInCalendarMonths, differenceInYears, parseISO } from 'date-fns';

/** Early help reaches young people up to 25 (with special educational needs); older is a keying error. */
const OLDEST_AGE_YEARS = 25;
/** An expected date of birth more than ten months away cannot be a current pregnancy. */
const LONGEST_PREGNANCY_MONTHS = 10;

/** A request field that breaks a rule about a child's dates. */
export interface ChildDateViolation {
  field: string;
  rule: string;
  message: string;
}

export interface ChildDates {
  dateOfBirth?: string;
  expectedDateOfBirth?: string;
}

/**
 * Each child has exactly one of a date of birth or (unborn) an expected date, and it is plausible today.
 * `path` is where the children are in the request, e.g. `family.children`.
 */
export function childDateViolations(
  children: ChildDates[],
  today: string,
  path = 'family.children',
): ChildDateViolation[] {
  return children.flatMap((child, i) => {
    const at = `${path}[${i}]`;
    if (child.dateOfBirth && child.expectedDateOfBirth) {
      return [
        rule(
          `${at}.expectedDateOfBirth`,
          'oneOfDateOfBirthOrExpected',
          'give a date of birth or, for an unborn child, an expected date — not both',
        ),
      ];
    }
    if (!child.dateOfBirth && !child.expectedDateOfBirth) {
      return [
        rule(
          `${at}.dateOfBirth`,
          'oneOfDateOfBirthOrExpected',
          'a child needs a date of birth or, if unborn, an expected date of birth',
        ),
      ];
    }
    if (child.dateOfBirth) {
      if (child.dateOfBirth > today) {
        return [
          rule(
            `${at}.dateOfBirth`,
            'isNotFuture',
            `date of birth ${child.dateOfBirth} is in the future; use expectedDateOfBirth for an unborn child`,
          ),
        ];
      }
      if (differenceInYears(parseISO(today), parseISO(child.dateOfBirth)) >= OLDEST_AGE_YEARS) {
        return [
          rule(`${at}.dateOfBirth`, 'isUnderMaximumAge', `a child or young person must be under ${OLDEST_AGE_YEARS}`),
        ];
      }
    }
    if (child.expectedDateOfBirth) {
      if (child.expectedDateOfBirth < today) {
        return [
          rule(
            `${at}.expectedDateOfBirth`,
            'isNotPast',
            'an expected date of birth in the past: record the date of birth instead',
          ),
        ];
      }
      if (differenceInCalendarMonths(parseISO(child.expectedDateOfBirth), parseISO(today)) > LONGEST_PREGNANCY_MONTHS) {
        return [
          rule(
            `${at}.expectedDateOfBirth`,
            'isWithinPregnancy',
            `expected date is more than ${LONGEST_PREGNANCY_MONTHS} months away`,
          ),
        ];
      }
    }
    return [];
  });
}

function rule(field: string, name: string, message: string): ChildDateViolation {
  return { field, rule: name, message };
}
