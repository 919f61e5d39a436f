import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { claimIdempotencyKey, ProblemException, recordIdempotentEvents } from '@baton/http-api';
import { noteProducedEvents, Outbox, producedEventIds } from '@baton/messaging';
import { TenantDirectory } from '@baton/tenancy';
import { appealRouteFor, legalBasisViolations } from '../domain/legal-basis.table.js';
import { latestRequirementEnd, orderViolations } from '../domain/order-limits.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { OrderRequirement } from '../requirement/order-requirement.entity.js';
import { requirementSummary } from '../requirement/requirement.views.js';
import type { MakeOrderDto } from './dto/make-order.dto.js';
import { holdingKindOf } from './holding-agency.js';
import { recordHistory } from './order-history.js';
import { causeOf, orderEvent, personOf } from './order.events.js';
import { ParentingOrder, type PersonRef } from './parenting-order.entity.js';

/** Records a parenting order the court made, with its requirements, held by the caller's agency. */
@Injectable()
export class MakeOrder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly tenants: TenantDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, dto: MakeOrderDto, idempotencyKey: string | undefined): Promise<ParentingOrder> {
    const now = this.clock.now();
    const agency = this.tenants.agency(caller.tenant, caller.agencyId);
    const holdingKind = agency ? holdingKindOf(agency.kind) : undefined;
    if (!holdingKind) {
      throw ProblemException.ruleBroken(
        'holdingAgencyId',
        'holdingAgencyKind',
        'parenting orders are held by a youth offending team, education welfare or the local authority',
      );
    }
    const violations: RuleViolation[] = legalBasisViolations(dto.legalBasis, dto.applicant, holdingKind, dto.courtKind);
    if (dto.madeOn > now.toISOString().slice(0, 10)) {
      violations.push({ field: 'madeOn', rule: 'isNotFuture', message: 'an order cannot be made in the future' });
    }
    violations.push(
      ...orderViolations({
        madeOn: dto.madeOn,
        requirements: dto.requirements,
        previousParentingOrder: dto.previousParentingOrder,
        residentialFindings: dto.residentialFindings,
        requirementsEndOn: dto.requirementsEndOn,
      }),
    );
    const officer = this.officerFor(caller, dto.responsibleOfficerPersonId, violations);
    refuseIfAny(violations, 'The order cannot be recorded');

    const order = Object.assign(new ParentingOrder(), {
      id: randomUUID(),
      tenant: caller.tenant,
      familyId: dto.familyId,
      state: 'in-force' as const,
      version: 1,
      legalBasis: dto.legalBasis,
      applicant: dto.applicant,
      courtKind: dto.courtKind,
      courtName: dto.courtName,
      appealRoute: appealRouteFor(dto.legalBasis, dto.courtKind),
      madeOn: dto.madeOn,
      requirementsEndOn: dto.requirementsEndOn ?? latestRequirementEnd(dto.madeOn),
      holdingAgencyId: caller.agencyId,
      holdingAgencyKind: holdingKind,
      officerPersonId: officer.personId,
      officer,
      children: dto.children.map((c) => ({ ...c })),
      parents: dto.parents.map((p) => ({ ...p })),
      grounds: dto.grounds,
      previousParentingOrder: dto.previousParentingOrder,
      residentialFindings: dto.residentialFindings ? { ...dto.residentialFindings } : null,
      openEnforcementCases: 0,
      closedOn: null,
      createdAt: now,
    });
    const requirements = dto.requirements.map((r) =>
      Object.assign(new OrderRequirement(), {
        id: randomUUID(),
        orderId: order.id,
        tenant: order.tenant,
        kind: r.kind,
        description: r.description,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        setting: r.setting ?? null,
        createdAt: now,
      }),
    );

    return this.dataSource.transaction(async (manager) => {
      const scope = `${caller.tenant}/${caller.agencyId}/orders`;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey(manager, {
          scope,
          key: idempotencyKey,
          body: dto,
          resourceId: order.id,
        });
        if (claim.replay) {
          noteProducedEvents(claim.eventIds);
          return manager.findOneByOrFail(ParentingOrder, { id: claim.resourceId });
        }
      }
      await manager.insert(ParentingOrder, order);
      if (requirements.length > 0) await manager.insert(OrderRequirement, requirements);
      await recordHistory(manager, order.id, now, 'made', personOf(caller), {
        legalBasis: order.legalBasis,
        courtName: order.courtName,
        madeOn: order.madeOn,
        requirements: requirements.map(requirementSummary),
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.made, order, causeOf(caller), now, {
          legalBasis: order.legalBasis,
          courtKind: order.courtKind,
          courtName: order.courtName,
          appealRoute: order.appealRoute,
          children: order.children,
          parents: order.parents,
          requirements: requirements.map(requirementSummary),
          programmeOmitted: !requirements.some((r) => r.kind === 'programme'),
        }),
      );
      if (idempotencyKey) await recordIdempotentEvents(manager, { scope, key: idempotencyKey }, producedEventIds());
      return order;
    });
  }

  /** The named responsible officer: the caller, or a practitioner of the caller's agency. */
  private officerFor(caller: Caller, personId: string | undefined, violations: RuleViolation[]): PersonRef {
    if (personId === undefined || personId === caller.personId) return personOf(caller);
    const person = this.tenants.person(caller.tenant, personId);
    if (!person || person.agencyId !== caller.agencyId || !person.roles.includes('practitioner')) {
      violations.push({
        field: 'responsibleOfficerPersonId',
        rule: 'officerOfHoldingAgency',
        message: `${personId} is not a practitioner of ${caller.agencyId}`,
      });
      return personOf(caller);
    }
    return { personId: person.personId, name: person.name, agencyId: person.agencyId };
  }
}
