import { newEvent, type CloudEvent, type ContractEventBase, type EventDefinition } from '@baton/contracts';
import { isAttendanceContract } from '../domain/contract-lifecycle.rules.js';
import { PARENTING_SOURCE, type Cause } from '../order/order.events.js';
import type { ParentingContract } from './parenting-contract.entity.js';

export function contractHeader(c: ParentingContract, at: Date): ContractEventBase {
  return {
    contractId: c.id,
    familyId: c.familyId,
    version: c.version,
    providerAgencyId: c.providerAgencyId,
    providerKind: c.providerKind,
    responsibleOfficer: c.officer,
    status: Object.assign(
      { state: c.state, kind: c.kind, attendanceContract: isAttendanceContract(c.kind, c.ground) },
      c.periodStartsOn ? { periodStartsOn: c.periodStartsOn } : {},
      c.periodEndsOn ? { periodEndsOn: c.periodEndsOn } : {},
    ),
    occurredAt: at.toISOString(),
  };
}

export function contractEvent<T extends ContractEventBase>(
  definition: EventDefinition<T>,
  c: ParentingContract,
  cause: Cause,
  at: Date,
  data: Omit<T, keyof ContractEventBase>,
): CloudEvent<T> {
  return newEvent(definition, {
    source: PARENTING_SOURCE,
    subject: c.id,
    tenant: c.tenant,
    familyid: c.familyId,
    actor: cause.actor,
    actoragency: cause.actoragency,
    time: at,
    data: { ...contractHeader(c, at), ...data } as T,
  });
}
