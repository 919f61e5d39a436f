import { longDate } from '../layout/dates.js';
import type { FamilyParenting } from './parenting.api.js';

/** The parenting service's states, in the words a practitioner reads (the service's own term when new). */
const STATE_WORDS: Record<string, string> = {
  'in-force': 'In force',
  discharged: 'Discharged',
  quashed: 'Quashed',
  expired: 'Expired',
  completed: 'Completed',
  draft: 'Being drafted',
  offered: 'Offered to the parent',
  active: 'Signed and running',
  refused: 'Refused by the parent',
  'ended-early': 'Ended early',
  breached: 'Breached',
};

export function stateWords(state: string): string {
  return STATE_WORDS[state] ?? state;
}

/** The family's orders and contracts, each linking to its own page (the officers' screens). */
export function parentingSection(parenting: FamilyParenting, agencyName: (id: string) => string) {
  return {
    unavailable: parenting.unavailable,
    records: [
      ...parenting.orders.map((o) => ({
        href: `/orders/${o.id}`,
        title: `Parenting order made ${longDate(o.madeOn)}`,
        by: agencyName(o.holdingAgencyId),
        state: stateWords(o.state),
      })),
      ...parenting.contracts.map((c) => ({
        href: `/contracts/${c.id}`,
        title: c.attendanceContract ? 'Attendance contract' : 'Parenting contract',
        by: agencyName(c.providerAgencyId),
        state: stateWords(c.state),
      })),
    ],
  };
}
