import { randomUUID } from 'node:crypto';
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
import type { ApplyToCourtDto } from './dto/court.dto.js';
import { OrderApplication } from './order-court.entity.js';

/** CDA 1998 s.9(5): the responsible officer or the parent may apply to vary or discharge the order. */
@Injectable()
export class ApplyToCourt {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, dto: ApplyToCourtDto): Promise<OrderApplication> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      if (dto.appliedOn < order.madeOn) {
        throw ProblemException.ruleBroken('appliedOn', 'afterOrderMade', `the order was made on ${order.madeOn}`);
      }
      const undecided: { n: number }[] = await manager.query(
        'SELECT count(*)::int AS n FROM order_application WHERE order_id = $1 AND outcome IS NULL',
        [orderId],
      );
      if (undecided[0].n > 0) {
        throw ProblemException.of(409, 'applicationPending', 'An application is already before the court', undefined, {
          errors: [
            { field: 'kind', rule: 'oneApplicationAtATime', message: 'await the outcome of the pending application' },
          ],
        });
      }
      const now = this.clock.now();
      const application = Object.assign(new OrderApplication(), {
        id: randomUUID(),
        orderId,
        tenant: order.tenant,
        kind: dto.kind,
        applicant: dto.applicant,
        appliedOn: dto.appliedOn,
        details: dto.details,
        outcome: null,
        decidedOn: null,
      });
      await manager.insert(OrderApplication, application);
      await saveOrderStep(manager, order);
      await recordHistory(manager, orderId, now, 'variation-applied', personOf(caller), {
        applicationId: application.id,
        kind: dto.kind,
        applicant: dto.applicant,
        appliedOn: dto.appliedOn,
        details: dto.details,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.variationApplied, order, causeOf(caller), now, {
          applicationId: application.id,
          kind: dto.kind,
          applicant: dto.applicant,
          appliedOn: dto.appliedOn,
        }),
      );
      return application;
    });
  }
}
