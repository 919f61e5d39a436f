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
import { isUuid, OrderLoader } from '../order/order.loader.js';
import type { AppealOutcomeDto, LodgeAppealDto } from './dto/court.dto.js';
import { OrderAppeal } from './order-court.entity.js';

/** An appeal against the order, on the route its legal basis and court give; allowed, it quashes the order. */
@Injectable()
export class RecordAppeal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly clock: Clock,
  ) {}

  async lodge(caller: Caller, orderId: string, dto: LodgeAppealDto): Promise<OrderAppeal> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      if (dto.lodgedOn < order.madeOn) {
        throw ProblemException.ruleBroken('lodgedOn', 'afterOrderMade', `the order was made on ${order.madeOn}`);
      }
      const now = this.clock.now();
      const appeal = Object.assign(new OrderAppeal(), {
        id: randomUUID(),
        orderId,
        tenant: order.tenant,
        route: order.appealRoute,
        appellant: dto.appellant,
        lodgedOn: dto.lodgedOn,
        outcome: 'lodged' as const,
        decidedOn: null,
      });
      await manager.insert(OrderAppeal, appeal);
      await saveOrderStep(manager, order);
      await recordHistory(manager, orderId, now, 'appeal-lodged', personOf(caller), {
        appealId: appeal.id,
        route: appeal.route,
        appellant: dto.appellant,
        lodgedOn: dto.lodgedOn,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.appealRecorded, order, causeOf(caller), now, {
          appealId: appeal.id,
          route: appeal.route,
          outcome: 'lodged',
          recordedOn: dto.lodgedOn,
        }),
      );
      return appeal;
    });
  }

  async decide(caller: Caller, orderId: string, appealId: string, dto: AppealOutcomeDto): Promise<OrderAppeal> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      const appeal = isUuid(appealId) ? await manager.findOneBy(OrderAppeal, { id: appealId, orderId }) : null;
      if (!appeal) throw ProblemException.notFound(`Appeal ${appealId}`);
      if (appeal.outcome !== 'lodged') {
        throw ProblemException.ruleBroken('outcome', 'appealUndecided', `the appeal was already ${appeal.outcome}`);
      }
      if (dto.decidedOn < appeal.lodgedOn) {
        throw ProblemException.ruleBroken('decidedOn', 'afterLodged', `lodged on ${appeal.lodgedOn}`);
      }
      const now = this.clock.now();
      await manager.update(OrderAppeal, { id: appeal.id }, { outcome: dto.outcome, decidedOn: dto.decidedOn });
      Object.assign(appeal, { outcome: dto.outcome, decidedOn: dto.decidedOn });
      const quashes = dto.outcome === 'allowed' && order.state === 'in-force';
      await saveOrderStep(manager, order, quashes ? { state: 'quashed', closedOn: dto.decidedOn } : {});
      await recordHistory(manager, orderId, now, `appeal-${dto.outcome}`, personOf(caller), {
        appealId,
        decidedOn: dto.decidedOn,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.appealRecorded, order, causeOf(caller), now, {
          appealId,
          route: appeal.route,
          outcome: dto.outcome,
          recordedOn: dto.decidedOn,
        }),
      );
      return appeal;
    });
  }
}
