export {
  agencyViewsClient,
  auditClient,
  eventsOf,
  EVENTS_HEADER,
  notificationsClient,
  parentingClient,
  referralsClient,
  tafClient,
  type AgencyViewsClient,
  type AuditClient,
  type NotificationsClient,
  type ParentingClient,
  type ReferralsClient,
  type ServiceClientOptions,
  type TafClient,
} from './baton-client.js';
export type * as AgencyViewsApi from './generated/agency-views.js';
export type * as AuditApi from './generated/audit.js';
export type * as NotificationsApi from './generated/notifications.js';
export type * as ParentingApi from './generated/parenting.js';
export type * as ReferralsApi from './generated/referrals.js';
export type * as TafApi from './generated/taf.js';
