import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { OrderLoader, requireInForce } from '../order/order.loader.js';
import type { CompleteOrderDto } from './dto/court.dto.js';

/**
 * The responsible officer records the order completed: every requirement has run its period and
 * no enforcement case is still open.
 */
@Injectable()
export class CompleteOrder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, dto: CompleteOrderDto) {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      const [{ last }]: { last: string | null }[] = await manager.query(
        'SELECT max(ends_on)::text AS last FROM order_requirement WHERE order_id = $1',
        [orderId],
      );
      if (last !== null && dto.completedOn < last) {
        throw ProblemException.ruleBroken(
          'completedOn',
          'requirementsRunTheirPeriod',
          `the last requirement ends on ${last}`,
        );
      }
      if (order.openEnforcementCases > 0) {
        throw ProblemException.of(409, 'enforcementOpen', 'Enforcement is still open', undefined, {
          errors: [
            {
              field: 'completedOn',
              rule: 'noOpenEnforcement',
              message: `${order.openEnforcementCases} enforcement case(s) still open`,
            },
          ],
        });
      }
      const now = this.clock.now();
      await saveOrderStep(manager, order, { state: 'completed', closedOn: dto.completedOn });
      await recordHistory(manager, orderId, now, 'completed', personOf(caller), {
        completedOn: dto.completedOn,
        summary: dto.summary,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.completed, order, causeOf(caller), now, {
          completedOn: dto.completedOn,
          completedBy: personOf(caller),
        }),
      );
      return order;
    });
  }
}
