import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { ContractEvents, type ContractProviderKind } from '@baton/contracts';
import { claimIdempotencyKey, ProblemException, recordIdempotentEvents } from '@baton/http-api';
import { noteProducedEvents, Outbox, producedEventIds } from '@baton/messaging';
import { TenantDirectory, type AgencyKind } from '@baton/tenancy';
import { draftViolations } from '../domain/contract-lifecycle.rules.js';
import { causeOf, personOf } from '../order/order.events.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { contractEvent } from './contract.events.js';
import type { DraftContractDto } from './dto/contract.dto.js';
import { ParentingContract } from './parenting-contract.entity.js';

/** The kind of contract provider an agency is (ASBA 2003 ss.19, 25, 25A, 25B). */
function providerKindOf(kind: AgencyKind): ContractProviderKind | undefined {
  if (kind === 'school') return 'school';
  if (kind === 'youth-offending-team') return 'youth-offending-team';
  if (kind === 'housing') return 'registered-housing-provider';
  if (['anti-social-behaviour-team', 'education-welfare', 'early-help', 'childrens-social-care'].includes(kind)) {
    return 'local-authority';
  }
  return undefined;
}

/** Drafts a parenting contract held by the caller for their agency. */
@Injectable()
export class DraftContract {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly tenants: TenantDirectory,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, dto: DraftContractDto, idempotencyKey: string | undefined): Promise<ParentingContract> {
    const agency = this.tenants.agency(caller.tenant, caller.agencyId);
    const providerKind = agency ? providerKindOf(agency.kind) : undefined;
    if (!providerKind) {
      throw ProblemException.ruleBroken(
        'kind',
        'contractKind.provider',
        `${caller.agencyId} does not offer parenting contracts`,
      );
    }
    refuseIfAny(draftViolations(dto.kind, providerKind, dto.ground), 'The contract cannot be drafted');
    const now = this.clock.now();
    const contract = Object.assign(new ParentingContract(), {
      id: randomUUID(),
      tenant: caller.tenant,
      familyId: dto.familyId,
      kind: dto.kind,
      ground: dto.ground,
      state: 'draft' as const,
      version: 1,
      providerAgencyId: caller.agencyId,
      providerKind,
      officerPersonId: caller.personId,
      officer: personOf(caller),
      children: dto.children.map((c) => ({ ...c })),
      parents: dto.parents.map((p) => ({ ...p })),
      parentRequirements: null,
      support: null,
      periodStartsOn: null,
      periodEndsOn: null,
      offeredOn: null,
      parentSignedOn: null,
      providerSignedOn: null,
      signedForProvider: null,
      refusedOn: null,
      refusalReason: null,
      endedOn: null,
      endReason: null,
      chronology: [
        {
          id: randomUUID(),
          what: 'drafted' as const,
          on: this.calendar.localDate(now),
          at: now.toISOString(),
          by: personOf(caller),
          detail: { kind: dto.kind, ground: dto.ground },
        },
      ],
      createdAt: now,
    });
    return this.dataSource.transaction(async (manager) => {
      const scope = `${caller.tenant}/${caller.agencyId}/contracts`;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey(manager, {
          scope,
          key: idempotencyKey,
          body: dto,
          resourceId: contract.id,
        });
        if (claim.replay) {
          noteProducedEvents(claim.eventIds);
          return manager.findOneByOrFail(ParentingContract, { id: claim.resourceId });
        }
      }
      await manager.insert(ParentingContract, contract);
      await this.outbox.append(
        manager,
        contractEvent(ContractEvents.drafted, contract, causeOf(caller), now, {
          children: contract.children,
          parents: contract.parents,
        }),
      );
      if (idempotencyKey) await recordIdempotentEvents(manager, { scope, key: idempotencyKey }, producedEventIds());
      return contract;
    });
  }
}
