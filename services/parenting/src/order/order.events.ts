import type { Caller } from '@baton/auth';
import { newEvent, type CloudEvent, type EventDefinition, type OrderEventBase } from '@baton/contracts';
import type { ParentingOrder, PersonRef } from './parenting-order.entity.js';

export const PARENTING_SOURCE = 'baton/parenting';

/** Who caused an event: a person, or `system` for the deadline job. */
export interface Cause {
  actor: string;
  actoragency?: string;
}

export function causeOf(caller: Caller): Cause {
  return { actor: caller.personId, actoragency: caller.agencyId };
}

export function personOf(caller: Caller): PersonRef {
  return { personId: caller.personId, name: caller.name, agencyId: caller.agencyId };
}

/** The fields every order event carries, taken from the order as it now stands. */
export function orderHeader(order: ParentingOrder, at: Date): OrderEventBase {
  return {
    orderId: order.id,
    familyId: order.familyId,
    version: order.version,
    holdingAgencyId: order.holdingAgencyId,
    holdingAgencyKind: order.holdingAgencyKind,
    responsibleOfficer: order.officer,
    status: {
      state: order.state,
      madeOn: order.madeOn,
      requirementsEndOn: order.requirementsEndOn,
      openEnforcementCases: order.openEnforcementCases,
    },
    occurredAt: at.toISOString(),
  };
}

/** An order event: the header from the order, the rest from the step. */
export function orderEvent<T extends OrderEventBase>(
  definition: EventDefinition<T>,
  order: ParentingOrder,
  cause: Cause,
  at: Date,
  data: Omit<T, keyof OrderEventBase>,
): CloudEvent<T> {
  return newEvent(definition, {
    source: PARENTING_SOURCE,
    subject: order.id,
    tenant: order.tenant,
    familyid: order.familyId,
    actor: cause.actor,
    actoragency: cause.actoragency,
    time: at,
    data: { ...orderHeader(order, at), ...data } as T,
  });
}
