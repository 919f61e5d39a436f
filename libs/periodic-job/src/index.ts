export { PeriodicJob, type PeriodicJobSchedule } from './periodic-job.js';
