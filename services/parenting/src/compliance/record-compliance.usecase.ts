import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { contactDueAt, recordedLate } from '../domain/contact-deadline.rules.js';
import { EnforcementCase } from '../enforcement/enforcement-case.entity.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { OrderLoader, requireInForce } from '../order/order.loader.js';
import type { ParentingOrder } from '../order/parenting-order.entity.js';
import { OrderRequirement, OrderSession } from '../requirement/order-requirement.entity.js';
import type { RecordComplianceDto } from './dto/record-compliance.dto.js';
import { OrderCompliance } from './order-compliance.entity.js';

/**
 * Records compliance with a session or requirement. A failure without reasonable excuse is an
 * apparent breach (CDA 1998 s.9(7)), so it opens an enforcement case in the same transaction,
 * with the parent to be contacted within 1 working day of the breach (of `occurredOn`, however late it is entered).
 */
@Injectable()
export class RecordCompliance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    orderId: string,
    dto: RecordComplianceDto,
  ): Promise<{ compliance: OrderCompliance; enforcement?: EnforcementCase }> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      const requirement = await this.requirementOf(manager, order, dto);
      const now = this.clock.now();
      const compliance = Object.assign(new OrderCompliance(), {
        id: randomUUID(),
        orderId,
        requirementId: requirement.id,
        sessionId: dto.sessionId ?? null,
        tenant: order.tenant,
        occurredOn: dto.occurredOn,
        outcome: dto.outcome,
        excuse: dto.excuse ?? null,
        notes: dto.notes ?? null,
        recordedBy: personOf(caller),
        recordedAt: now,
      });
      await manager.insert(OrderCompliance, compliance);
      const breach = dto.outcome === 'failed-without-excuse';
      await saveOrderStep(manager, order, breach ? { openEnforcementCases: order.openEnforcementCases + 1 } : {});
      await recordHistory(manager, orderId, now, 'compliance-recorded', personOf(caller), {
        complianceId: compliance.id,
        requirementId: requirement.id,
        sessionId: compliance.sessionId,
        occurredOn: dto.occurredOn,
        outcome: dto.outcome,
        excuse: compliance.excuse,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.complianceRecorded, order, causeOf(caller), now, {
          complianceId: compliance.id,
          requirementId: requirement.id,
          ...(compliance.sessionId ? { sessionId: compliance.sessionId } : {}),
          occurredOn: dto.occurredOn,
          outcome: dto.outcome,
        }),
      );
      if (!breach) return { compliance };
      const enforcement = await this.openEnforcement(manager, caller, order, compliance, requirement, now);
      return { compliance, enforcement };
    });
  }

  private async requirementOf(manager: EntityManager, order: ParentingOrder, dto: RecordComplianceDto) {
    const requirement = await manager.findOneBy(OrderRequirement, { id: dto.requirementId, orderId: order.id });
    if (!requirement) {
      throw ProblemException.ruleBroken('requirementId', 'isRequirementOfOrder', 'not a requirement of this order');
    }
    if (dto.sessionId !== undefined) {
      const session = await manager.findOneBy(OrderSession, { id: dto.sessionId, requirementId: requirement.id });
      if (!session)
        throw ProblemException.ruleBroken('sessionId', 'isSessionOfRequirement', 'not a session of this requirement');
    }
    if (dto.occurredOn < requirement.startsOn || dto.occurredOn > requirement.endsOn) {
      throw ProblemException.ruleBroken(
        'occurredOn',
        'withinRequirementPeriod',
        `the requirement runs from ${requirement.startsOn} to ${requirement.endsOn}`,
      );
    }
    if (dto.occurredOn > this.calendar.localDate(this.clock.now())) {
      throw ProblemException.ruleBroken('occurredOn', 'isNotFuture', 'compliance is recorded after the fact');
    }
    const { from } = this.calendar.coverage();
    if (dto.outcome === 'failed-without-excuse' && dto.occurredOn < from) {
      // The contact deadline runs from the breach: one older than the bank-holiday data cannot be given one.
      throw ProblemException.ruleBroken(
        'occurredOn',
        'breachWithinCalendarCoverage',
        `working days cannot be counted from ${dto.occurredOn}: the calendar covers ${from} onwards`,
      );
    }
    return requirement;
  }

  private async openEnforcement(
    manager: EntityManager,
    caller: Caller,
    order: ParentingOrder,
    compliance: OrderCompliance,
    requirement: OrderRequirement,
    now: Date,
  ): Promise<EnforcementCase> {
    const enforcement = Object.assign(new EnforcementCase(), {
      id: randomUUID(),
      orderId: order.id,
      complianceId: compliance.id,
      requirementId: requirement.id,
      tenant: order.tenant,
      holdingAgencyId: order.holdingAgencyId,
      status: 'awaiting-contact' as const,
      version: 1,
      breachOn: compliance.occurredOn,
      openedAt: now,
      contactDueAt: contactDueAt(this.calendar, compliance.occurredOn),
      decidedWithoutContact: false,
    });
    await manager.insert(EnforcementCase, enforcement);
    const late = recordedLate(now, enforcement.contactDueAt);
    await recordHistory(manager, order.id, now, 'enforcement-opened', personOf(caller), {
      enforcementId: enforcement.id,
      breachOn: enforcement.breachOn,
      contactDueAt: enforcement.contactDueAt.toISOString(),
      recordedLate: late,
    });
    await this.outbox.append(
      manager,
      orderEvent(OrderEvents.enforcementOpened, order, causeOf(caller), now, {
        enforcementId: enforcement.id,
        complianceId: compliance.id,
        requirementId: requirement.id,
        requirementKind: requirement.kind,
        breachOn: enforcement.breachOn,
        contactDueAt: enforcement.contactDueAt.toISOString(),
        recordedLate: late,
      }),
    );
    return enforcement;
  }
}
