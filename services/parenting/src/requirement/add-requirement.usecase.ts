import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { Outbox } from '@baton/messaging';
import { orderViolations } from '../domain/order-limits.rules.js';
import { RequirementDto } from '../order/dto/requirement.dto.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { OrderLoader, requireInForce } from '../order/order.loader.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { OrderRequirement } from './order-requirement.entity.js';
import { requirementSummary } from './requirement.views.js';

/** Adds a requirement to an order in force, within the order's statutory limits. */
@Injectable()
export class AddRequirement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, dto: RequirementDto): Promise<OrderRequirement> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      const existing = await manager.findBy(OrderRequirement, { orderId });
      const all = [...existing, dto];
      // The whole order is checked again, so a second programme or a late end cannot slip in.
      const violations = orderViolations({
        madeOn: order.madeOn,
        requirements: all.map((r) => ({
          kind: r.kind,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          setting: r.setting ?? undefined,
        })),
        previousParentingOrder: order.previousParentingOrder,
        residentialFindings: order.residentialFindings ?? undefined,
        requirementsEndOn: order.requirementsEndOn,
      }).map((v) => ({ ...v, field: v.field.replace(`requirements[${existing.length}]`, 'requirement') }));
      refuseIfAny(
        violations.filter((v) => !v.field.startsWith('requirements[')),
        'The requirement cannot be added',
      );
      const now = this.clock.now();
      const requirement = Object.assign(new OrderRequirement(), {
        id: randomUUID(),
        orderId,
        tenant: order.tenant,
        kind: dto.kind,
        description: dto.description,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        setting: dto.setting ?? null,
        createdAt: now,
      });
      await manager.insert(OrderRequirement, requirement);
      await saveOrderStep(manager, order);
      await recordHistory(
        manager,
        orderId,
        now,
        'requirement-added',
        personOf(caller),
        requirementSummary(requirement),
      );
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.requirementAdded, order, causeOf(caller), now, {
          requirement: requirementSummary(requirement),
        }),
      );
      return requirement;
    });
  }
}
