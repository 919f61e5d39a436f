import type { ContractEventBase, OrderEventBase, OrderMadeV1 } from '@baton/contracts';
import type { ParentingRecord } from './family-document.js';
import type { RecordedEvent } from './recorded-event.js';

export function isParentingEvent(type: string): boolean {
  return /^baton\.(order|contract)\.[a-z-]+\.v1$/.test(type);
}

/** An order binds while in force; a contract while drafted, offered or signed and running. */
const ACTIVE_CONTRACT_STATES = new Set(['draft', 'offered', 'active']);

/**
 * One contract's or order's state from its events, in any order: the status carried by the event of the highest
 * `version` (each event carries the whole status), plus the legal basis only `order.made` carries.
 */
export function foldParenting(events: readonly RecordedEvent[]): ParentingRecord | undefined {
  let latest: RecordedEvent | undefined;
  let legalBasis: string | undefined;
  for (const event of events) {
    const version = (event.data as { version: number }).version;
    if (latest === undefined || version > (latest.data as { version: number }).version) latest = event;
    if (event.type === 'baton.order.made.v1') legalBasis = (event.data as OrderMadeV1).legalBasis;
  }
  if (latest === undefined) return undefined;
  return latest.type.startsWith('baton.order.')
    ? orderOf(latest.data as OrderEventBase, legalBasis)
    : contractOf(latest.data as ContractEventBase);
}

function orderOf(d: OrderEventBase, legalBasis: string | undefined): ParentingRecord {
  return Object.assign(
    { kind: 'order' as const, id: d.orderId, version: d.version, status: d.status.state },
    { active: d.status.state === 'in-force', holderAgencyId: d.holdingAgencyId },
    legalBasis ? { legalBasis } : {},
    { startsOn: d.status.madeOn, endsOn: d.status.requirementsEndOn },
  );
}

function contractOf(d: ContractEventBase): ParentingRecord {
  return Object.assign(
    { kind: 'contract' as const, id: d.contractId, version: d.version, status: d.status.state },
    { active: ACTIVE_CONTRACT_STATES.has(d.status.state), holderAgencyId: d.providerAgencyId },
    { legalBasis: d.status.kind },
    d.status.periodStartsOn ? { startsOn: d.status.periodStartsOn } : {},
    d.status.periodEndsOn ? { endsOn: d.status.periodEndsOn } : {},
  );
}
