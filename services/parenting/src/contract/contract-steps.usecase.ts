import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { ContractEvents, type CloudEvent, type ContractState } from '@baton/contracts';
import { requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { offerViolations, signatureViolations, transitionViolations } from '../domain/contract-lifecycle.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { causeOf, personOf } from '../order/order.events.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import { contractEvent } from './contract.events.js';
import { ContractLoader } from './contract.loader.js';
import type {
  CompleteContractDto,
  EndContractEarlyDto,
  OfferContractDto,
  RecordContractBreachDto,
  RefuseContractDto,
  ReviewContractDto,
  SignContractDto,
} from './dto/contract.dto.js';
import { ParentingContract, type ContractEntry } from './parenting-contract.entity.js';

interface Step {
  /** The state the contract moves to; absent when it stays where it is. */
  to?: ContractState;
  /** The states the step may be taken from, when it does not move the contract. */
  from?: readonly ContractState[];
  violations?: (c: ParentingContract) => RuleViolation[];
  apply: (c: ParentingContract) => Partial<ParentingContract>;
  entry: (c: ParentingContract) => Pick<ContractEntry, 'what' | 'on' | 'detail'>;
  /** The request field the step's date came from, named when the date is refused. */
  dateField: string;
  event: (c: ParentingContract, caller: Caller, at: Date) => CloudEvent<object>;
}

/**
 * Each step of a contract's life, taken under If-Match with the row locked, recorded in its
 * chronology (the evidence bundle) and announced through the outbox in the same transaction.
 */
@Injectable()
export class ContractSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: ContractLoader,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  offer(caller: Caller, id: string, dto: OfferContractDto, ifMatch: string | undefined) {
    return this.take(caller, id, ifMatch, {
      to: 'offered',
      dateField: 'offeredOn',
      violations: () => offerViolations(dto),
      apply: () => ({ ...dto, offeredOn: dto.offeredOn }),
      entry: () => ({ what: 'offered', on: dto.offeredOn, detail: { ...dto } }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.offered, c, causeOf(who), at, {
          offeredOn: dto.offeredOn,
          requirementCount: dto.parentRequirements.length,
          supportCount: dto.support.length,
          includesProgramme: dto.parentRequirements.some((r) => /programme|course|group/i.test(r)),
        }),
    });
  }

  sign(caller: Caller, id: string, dto: SignContractDto, ifMatch: string | undefined) {
    return this.take(caller, id, ifMatch, {
      to: 'active',
      dateField: 'parentSignedOn',
      violations: (c) =>
        signatureViolations(c.offeredOn ?? dto.parentSignedOn, dto.parentSignedOn, dto.providerSignedOn),
      apply: () => ({ ...dto, signedForProvider: personOf(caller) }),
      entry: () => ({
        what: 'signed',
        on: dto.parentSignedOn > dto.providerSignedOn ? dto.parentSignedOn : dto.providerSignedOn,
        detail: { ...dto },
      }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.signed, c, causeOf(who), at, { ...dto, signedForProvider: personOf(who) }),
    });
  }

  /** The parent cannot be made to sign: the refusal is recorded with its date and reason, and that is the end. */
  refuse(caller: Caller, id: string, dto: RefuseContractDto, ifMatch: string | undefined) {
    return this.take(caller, id, ifMatch, {
      to: 'refused',
      dateField: 'refusedOn',
      violations: (c) => afterOffer(c, dto.refusedOn, 'refusedOn'),
      apply: () => ({ refusedOn: dto.refusedOn, refusalReason: dto.reason }),
      entry: () => ({ what: 'refused', on: dto.refusedOn, detail: { reason: dto.reason } }),
      event: (c, who, at) => contractEvent(ContractEvents.refused, c, causeOf(who), at, { refusedOn: dto.refusedOn }),
    });
  }

  recordBreach(caller: Caller, id: string, dto: RecordContractBreachDto, ifMatch: string | undefined) {
    const breachId = randomUUID();
    return this.take(caller, id, ifMatch, {
      ...(dto.endsContract ? { to: 'breached' as const } : { from: ['active'] as const }),
      dateField: 'occurredOn',
      violations: (c) => withinPeriod(c, dto.occurredOn, 'occurredOn'),
      apply: () => (dto.endsContract ? { endedOn: dto.occurredOn } : {}),
      entry: () => ({ what: 'breach', on: dto.occurredOn, detail: { breachId, ...dto } }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.breachRecorded, c, causeOf(who), at, {
          breachId,
          occurredOn: dto.occurredOn,
          endsContract: dto.endsContract,
        }),
    });
  }

  review(caller: Caller, id: string, dto: ReviewContractDto, ifMatch: string | undefined) {
    const reviewId = randomUUID();
    return this.take(caller, id, ifMatch, {
      from: ['active'],
      dateField: 'reviewedOn',
      violations: (c) => withinPeriod(c, dto.reviewedOn, 'reviewedOn'),
      apply: () => ({}),
      entry: () => ({ what: 'review', on: dto.reviewedOn, detail: { reviewId, ...dto } }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.reviewed, c, causeOf(who), at, {
          reviewId,
          reviewedOn: dto.reviewedOn,
          ...(dto.nextReviewOn ? { nextReviewOn: dto.nextReviewOn } : {}),
        }),
    });
  }

  complete(caller: Caller, id: string, dto: CompleteContractDto, ifMatch: string | undefined) {
    return this.take(caller, id, ifMatch, {
      to: 'completed',
      dateField: 'completedOn',
      violations: (c) =>
        c.periodEndsOn !== null && dto.completedOn < c.periodEndsOn
          ? [
              {
                field: 'completedOn',
                rule: 'periodRunItsCourse',
                message: `the specified period ends on ${c.periodEndsOn}`,
              },
            ]
          : [],
      apply: () => ({ endedOn: dto.completedOn }),
      entry: () => ({ what: 'completed', on: dto.completedOn, detail: {} }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.completed, c, causeOf(who), at, { completedOn: dto.completedOn }),
    });
  }

  endEarly(caller: Caller, id: string, dto: EndContractEarlyDto, ifMatch: string | undefined) {
    return this.take(caller, id, ifMatch, {
      to: 'ended-early',
      dateField: 'endedOn',
      violations: (c) => withinPeriod(c, dto.endedOn, 'endedOn'),
      apply: () => ({ endedOn: dto.endedOn, endReason: dto.reason }),
      entry: () => ({ what: 'ended-early', on: dto.endedOn, detail: { ...dto } }),
      event: (c, who, at) =>
        contractEvent(ContractEvents.endedEarly, c, causeOf(who), at, { endedOn: dto.endedOn, reason: dto.reason }),
    });
  }

  private take(caller: Caller, id: string, ifMatch: string | undefined, step: Step): Promise<ParentingContract> {
    return this.dataSource.transaction(async (manager) => {
      const contract = await this.loader.forProvider(manager, caller, id);
      requireIfMatch(ifMatch, contract.version);
      const lifecycle = step.to
        ? transitionViolations(contract.state, step.to)
        : step.from?.includes(contract.state)
          ? []
          : [
              {
                field: 'state',
                rule: 'contractLifecycle',
                message: `not possible while the contract is ${contract.state}`,
              },
            ];
      refuseIfAny(lifecycle, 'The contract cannot take this step', 409);
      const now = this.clock.now();
      const entry: ContractEntry = {
        id: randomUUID(),
        at: now.toISOString(),
        by: personOf(caller),
        ...step.entry(contract),
      };
      refuseIfAny(
        [
          ...(step.violations?.(contract) ?? []),
          ...datedViolations(contract, entry.on, step.dateField, this.calendar.localDate(now)),
        ],
        'The contract cannot take this step',
      );
      const patch: Partial<ParentingContract> = {
        ...step.apply(contract),
        ...(step.to ? { state: step.to } : {}),
        version: contract.version + 1,
        chronology: [...contract.chronology, entry],
      };
      Object.assign(contract, patch);
      await manager.update(ParentingContract, { id: contract.id }, patch as Parameters<typeof manager.update>[2]);
      await this.outbox.append(manager, step.event(contract, caller, now));
      return contract;
    });
  }
}

/** A step is dated between the day the contract was drafted and today. */
function datedViolations(c: ParentingContract, on: string, field: string, today: string): RuleViolation[] {
  const drafted = c.chronology[0]?.on ?? on;
  if (on > today) return [{ field, rule: 'isNotFuture', message: `${on} is in the future` }];
  if (on < drafted) return [{ field, rule: 'onOrAfterDraft', message: `the contract was drafted on ${drafted}` }];
  return [];
}

function afterOffer(c: ParentingContract, on: string, field: string): RuleViolation[] {
  return c.offeredOn !== null && on < c.offeredOn
    ? [{ field, rule: 'onOrAfterOffer', message: `the contract was offered on ${c.offeredOn}` }]
    : [];
}

function withinPeriod(c: ParentingContract, on: string, field: string): RuleViolation[] {
  if (c.periodStartsOn === null || c.periodEndsOn === null) return [];
  return on < c.periodStartsOn || on > c.periodEndsOn
    ? [
        {
          field,
          rule: 'withinContractPeriod',
          message: `the contract runs from ${c.periodStartsOn} to ${c.periodEndsOn}`,
        },
      ]
    : [];
}
