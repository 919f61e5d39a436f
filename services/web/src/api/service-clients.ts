import { WebConfig } from '../config/web.config.js';
import { ServiceClient } from './service-client.js';

/** One client per service the web calls, at the configured addresses. */
export class ServiceClients {
  readonly referrals: ServiceClient;
  readonly taf: ServiceClient;
  readonly notifications: ServiceClient;
  readonly agencyViews: ServiceClient;

  constructor(config: WebConfig) {
    const timeout = config.WEB_API_TIMEOUT_MS;
    this.referrals = new ServiceClient('referrals', config.REFERRALS_URL, timeout);
    this.taf = new ServiceClient('taf', config.TAF_URL, timeout);
    this.notifications = new ServiceClient('notifications', config.NOTIFICATIONS_URL, timeout);
    this.agencyViews = new ServiceClient('agency-views', config.AGENCY_VIEWS_URL, timeout);
  }
}
