import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { sessionViolations } from '../domain/order-limits.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { OrderLoader, requireInForce } from '../order/order.loader.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import type { ScheduleSessionDto } from './dto/schedule-session.dto.js';
import { OrderRequirement, OrderSession } from './order-requirement.entity.js';

/** Schedules a programme session: within the programme, and no more than weekly for pre-2004 orders. */
@Injectable()
export class ScheduleSession {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, dto: ScheduleSessionDto): Promise<OrderSession> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      const programme = await manager.findOneBy(OrderRequirement, { id: dto.requirementId, orderId });
      const startsAt = new Date(dto.startsAt);
      const endsAt = new Date(dto.endsAt);
      if (!programme || programme.kind !== 'programme') {
        throw ProblemException.ruleBroken('requirementId', 'isProgrammeOfOrder', 'not the programme of this order');
      }
      const violations: RuleViolation[] = [];
      if (endsAt <= startsAt) {
        violations.push({ field: 'endsAt', rule: 'endsAfterStart', message: 'a session ends after it starts' });
      }
      refuseIfAny(violations, 'The session cannot be scheduled');
      const sessionOn = this.calendar.localDate(startsAt);
      const others: { session_on: string }[] = await manager.query(
        'SELECT session_on::text FROM order_session WHERE requirement_id = $1',
        [programme.id],
      );
      refuseIfAny(
        sessionViolations(
          order,
          programme,
          sessionOn,
          others.map((o) => o.session_on),
        ),
        'The session cannot be scheduled',
      );
      const now = this.clock.now();
      const session = Object.assign(new OrderSession(), {
        id: randomUUID(),
        orderId,
        requirementId: programme.id,
        tenant: order.tenant,
        startsAt,
        endsAt,
        sessionOn,
        programmeStartsOn: programme.startsOn,
        createdAt: now,
      });
      await manager.insert(OrderSession, session);
      await saveOrderStep(manager, order);
      await recordHistory(manager, orderId, now, 'session-scheduled', personOf(caller), {
        sessionId: session.id,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.sessionScheduled, order, causeOf(caller), now, {
          sessionId: session.id,
          requirementId: programme.id,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        }),
      );
      return session;
    });
  }
}
