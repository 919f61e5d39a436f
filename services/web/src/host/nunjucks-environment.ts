import type { Environment } from 'nunjucks';
import { dateTime, deadline, longDate } from '../layout/dates.js';

/** Filters the templates use; each turns a value into the words a person reads, nothing more. */
export function configureNunjucks(env: Environment): void {
  env.addFilter('longDate', longDate);
  env.addFilter('dateTime', dateTime);
  env.addFilter('deadline', deadline);
  env.addGlobal('serviceName', 'Baton');
}
