import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { orderViolations } from '../domain/order-limits.rules.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { isUuid, OrderLoader, requireInForce } from '../order/order.loader.js';
import type { ParentingOrder } from '../order/parenting-order.entity.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { OrderRequirement } from '../requirement/order-requirement.entity.js';
import { requirementSummary } from '../requirement/requirement.views.js';
import type { ApplicationOutcomeDto } from './dto/court.dto.js';
import { OrderApplication } from './order-court.entity.js';

/**
 * The court's outcome on an application. A granted variation may change the requirements — still
 * within the statutory limits, counted from the day the order was made; a granted discharge ends it.
 */
@Injectable()
export class RecordApplicationOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: OrderLoader,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, applicationId: string, dto: ApplicationOutcomeDto) {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.loader.forHolder(manager, caller, orderId);
      requireInForce(order);
      const application = isUuid(applicationId)
        ? await manager.findOneBy(OrderApplication, { id: applicationId, orderId })
        : null;
      if (!application) throw ProblemException.notFound(`Application ${applicationId}`);
      if (application.outcome !== null) {
        throw ProblemException.ruleBroken(
          'outcome',
          'applicationUndecided',
          `the application was already ${application.outcome}`,
        );
      }
      if (dto.decidedOn < application.appliedOn) {
        throw ProblemException.ruleBroken('decidedOn', 'afterApplication', `applied on ${application.appliedOn}`);
      }
      const varies = dto.outcome === 'granted' && application.kind === 'variation';
      if (!varies && (dto.requirementsEndOn !== undefined || dto.addedRequirements !== undefined)) {
        throw ProblemException.ruleBroken(
          'addedRequirements',
          'onlyForGrantedVariation',
          'only a granted variation changes requirements',
        );
      }
      const now = this.clock.now();
      const added = (dto.addedRequirements ?? []).map((r) =>
        Object.assign(new OrderRequirement(), {
          id: randomUUID(),
          orderId,
          tenant: order.tenant,
          kind: r.kind,
          description: r.description,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          setting: r.setting ?? null,
          createdAt: now,
        }),
      );
      if (varies) {
        const existing = await manager.findBy(OrderRequirement, { orderId });
        const all = [...existing, ...added];
        refuseIfAny(
          orderViolations({
            madeOn: order.madeOn,
            requirements: all.map((r) => ({
              kind: r.kind,
              startsOn: r.startsOn,
              endsOn: r.endsOn,
              setting: r.setting ?? undefined,
            })),
            previousParentingOrder: order.previousParentingOrder,
            residentialFindings: order.residentialFindings ?? undefined,
            requirementsEndOn: dto.requirementsEndOn ?? order.requirementsEndOn,
          }),
          'The variation breaks a statutory limit',
        );
        if (added.length > 0) await manager.insert(OrderRequirement, added);
        await saveOrderStep(manager, order, { requirementsEndOn: dto.requirementsEndOn ?? order.requirementsEndOn });
      } else if (dto.outcome === 'granted') {
        await saveOrderStep(manager, order, { state: 'discharged', closedOn: dto.decidedOn });
      } else {
        await saveOrderStep(manager, order);
      }
      await manager.update(
        OrderApplication,
        { id: application.id },
        { outcome: dto.outcome, decidedOn: dto.decidedOn },
      );
      await recordHistory(manager, orderId, now, `application-${dto.outcome}`, personOf(caller), {
        applicationId,
        kind: application.kind,
        decidedOn: dto.decidedOn,
        requirementsEndOn: order.requirementsEndOn,
        addedRequirements: added.map(requirementSummary),
      });
      await this.outbox.append(manager, await this.eventFor(manager, caller, order, application, dto, now));
      return { ...application, outcome: dto.outcome, decidedOn: dto.decidedOn };
    });
  }

  private async eventFor(
    manager: EntityManager,
    caller: Caller,
    order: ParentingOrder,
    application: OrderApplication,
    dto: ApplicationOutcomeDto,
    now: Date,
  ) {
    const cause = causeOf(caller);
    if (dto.outcome !== 'granted') {
      return orderEvent(OrderEvents.applicationRefused, order, cause, now, {
        applicationId: application.id,
        kind: application.kind,
        outcome: dto.outcome,
        decidedOn: dto.decidedOn,
      });
    }
    if (application.kind === 'discharge') {
      return orderEvent(OrderEvents.discharged, order, cause, now, {
        applicationId: application.id,
        dischargedOn: dto.decidedOn,
      });
    }
    const requirements = await manager.find(OrderRequirement, {
      where: { orderId: order.id },
      order: { startsOn: 'ASC' },
    });
    return orderEvent(OrderEvents.varied, order, cause, now, {
      applicationId: application.id,
      variedOn: dto.decidedOn,
      requirements: requirements.map(requirementSummary),
    });
  }
}
