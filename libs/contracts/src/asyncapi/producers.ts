import type { EventDefinition } from '../event-definition.js';

/** Published by every service that holds a family's records, not by one owner. */
export const EVERY_SERVICE = 'every service';

/** The service that publishes each aggregate's events: the one place this is written down. */
export const PRODUCING_SERVICES: Readonly<Record<string, string>> = {
  referral: 'referrals',
  access: EVERY_SERVICE,
  'break-glass': 'audit',
  contract: 'parenting',
  order: 'parenting',
  plan: 'taf',
};

export function producerOf(d: EventDefinition): string {
  const service = PRODUCING_SERVICES[d.aggregate];
  if (service === undefined) throw new Error(`No producing service for aggregate '${d.aggregate}' (${d.type})`);
  return service;
}
