import type { ProblemDetails } from '@baton/http-api';

export type ServiceName = 'referrals' | 'taf' | 'parenting' | 'notifications' | 'agency-views' | 'audit';

/** What people call each service when it is not answering. */
export const SERVICE_TITLES: Record<ServiceName | 'sign-in', string> = {
  referrals: 'Referrals',
  taf: 'Team Around the Family plans',
  notifications: 'Notifications',
  'agency-views': 'Families',
  parenting: 'Parenting orders and contracts',
  audit: 'Audit',
  'sign-in': 'Sign in',
};

/** A service answered with a problem (4xx): the page shows it in plain English. */
export class ApiProblem extends Error {
  constructor(
    readonly service: ServiceName,
    readonly problem: ProblemDetails,
  ) {
    super(`${service}: ${problem.status} ${problem.title}`);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** A service did not answer, timed out or failed (5xx): the page says so clearly, never a stack trace. */
export class ServiceUnavailable extends Error {
  constructor(
    readonly service: ServiceName | 'sign-in',
    options?: { cause?: unknown },
  ) {
    super(`${service} is not answering`, options);
    this.name = 'ServiceUnavailable';
  }
}
