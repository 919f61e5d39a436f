import { HttpException } from '@nestjs/common';

/** One offending field: where it is in the request and which rule it broke. */
export interface FieldError {
  /** Path into the request, e.g. `family.children[0].dateOfBirth`, or a header / query name. */
  field: string;
  /** The rule's name, e.g. `isNotFuture`, `whitelistValidation`, `requiredWhenConsentNotGiven`. */
  rule: string;
  message: string;
}

/** RFC 9457 problem details, as every Baton API returns errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://baton.dev/problems/';

/** A problem type URI under Baton's namespace: `problemType('validation')`. */
export function problemType(slug: string): string {
  return `${PROBLEM_BASE}${slug}`;
}

/**
 * The one way services raise a client error: status, a stable problem type slug, a title, and the
 * fields and rules at fault. The filter renders it as `application/problem+json`.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    options?: { cause?: unknown },
  ) {
    super(problem, problem.status, options);
  }

  static of(
    status: number,
    slug: string,
    title: string,
    detail?: string,
    extra: Partial<ProblemDetails> = {},
  ): ProblemException {
    return new ProblemException({ ...extra, type: problemType(slug), title, status, detail });
  }

  /** A business rule refused the request (422), naming the field and the rule. */
  static ruleBroken(field: string, rule: string, message: string): ProblemException {
    return ProblemException.of(422, rule, 'The request breaks a rule', message, {
      errors: [{ field, rule, message }],
    });
  }

  static notFound(what: string): ProblemException {
    return ProblemException.of(404, 'not-found', 'Not found', `${what} was not found`);
  }
}
