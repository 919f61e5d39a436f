import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import { relationshipTo, type RecordRelationship } from '../access/order-access.policy.js';
import { FamilyInvolvementRepository } from '../involvement/family-involvement.repository.js';
import { ParentingOrder } from './parenting-order.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Loads an order only for a caller related to it; to anyone else it does not exist (404, not 403). */
@Injectable()
export class OrderLoader {
  constructor(
    private readonly involvement: FamilyInvolvementRepository,
    private readonly breakGlass: BreakGlassGrants,
  ) {}

  async forCaller(
    manager: EntityManager,
    caller: Caller,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<{ order: ParentingOrder; relationship: RecordRelationship }> {
    const notFound = ProblemException.notFound(`Order ${id}`);
    if (!isUuid(id)) throw notFound;
    const order = await manager.findOne(ParentingOrder, {
      where: { id, tenant: caller.tenant },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!order) throw notFound;
    const relationship = relationshipTo(
      caller,
      order,
      await this.involvement.of(manager, order.tenant, order.familyId),
    );
    if (relationship) return { order, relationship };
    // No relationship: a live break-glass grant for the family shows its status (and changes nothing).
    if (await this.breakGlass.liveFor(caller, order.familyId, manager))
      return { order, relationship: 'break-glass' as const };
    throw notFound;
  }

  /** For changes: the responsible officer or a manager of the holding agency, with the order row locked. */
  async forHolder(manager: EntityManager, caller: Caller, id: string): Promise<ParentingOrder> {
    const { order, relationship } = await this.forCaller(manager, caller, id, { lock: true });
    if (relationship !== 'holder') {
      throw ProblemException.of(
        403,
        'holder-only',
        'Forbidden',
        'Only the responsible officer or a manager of the holding agency changes an order',
      );
    }
    return order;
  }
}

/** Refuses a change to an order that is no longer in force. */
export function requireInForce(order: ParentingOrder): void {
  if (order.state !== 'in-force') {
    throw ProblemException.of(409, 'orderInForce', 'The order is not in force', `The order is ${order.state}`, {
      errors: [{ field: 'state', rule: 'orderInForce', message: `the order is ${order.state}` }],
    });
  }
}
