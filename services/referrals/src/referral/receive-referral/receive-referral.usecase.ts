import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { childDateViolations, normaliseNhsNumber, type CloudEvent } from '@baton/contracts';
import { claimIdempotencyKey, ProblemException, recordIdempotentEvents } from '@baton/http-api';
import { noteProducedEvents, Outbox, producedEventIds } from '@baton/messaging';
import { TenantDirectory } from '@baton/tenancy';
import { sourceCodeViolations, identityWithheld } from '../../domain/referral-source.rules.js';
import type { RuleViolation } from '../../domain/rule-violation.js';
import type { CreateReferralDto } from '../dto/create-referral.dto.js';
import { Referral } from '../referral.entity.js';
import { referralLinked, referralReceived } from '../referral.events.js';
import { DuplicateFinder } from './duplicate-finder.js';

/**
 * The agency that follows the referral as its referrer: the practitioner's agency; or, for an individual
 * helped to refer by an agency other than the one receiving it, that agency. None for the front door's own.
 */
function referrerAgencyOf(caller: Caller, dto: CreateReferralDto, receivingAgencyId: string): string | null {
  if (dto.source.kind === 'practitioner') return dto.source.agencyId ?? null;
  return caller.agencyId === receivingAgencyId ? null : caller.agencyId;
}

/** The triage decision is due within 1 working day of receipt (DOMAIN: Referrals). */
export const DECISION_WORKING_DAYS = 1;

export interface ReceivedReferral {
  referral: Referral;
  /** True when the Idempotency-Key matched an earlier identical request: nothing new was written. */
  replayed: boolean;
}

/**
 * Records a referral: validates it against the tenant's agencies and the domain's rules, computes
 * its decision deadline, links it to an open referral naming the same child, and writes the referral
 * with its events in one transaction.
 */
@Injectable()
export class ReceiveReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly tenants: TenantDirectory,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly duplicates: DuplicateFinder,
  ) {}

  async execute(caller: Caller, dto: CreateReferralDto, idempotencyKey?: string): Promise<ReceivedReferral> {
    const now = this.clock.now();
    const receivingAgencyId = this.checkRules(caller, dto, now);
    const referral = this.build(caller, dto, receivingAgencyId, now);
    return this.dataSource.transaction(async (manager) => {
      const scope = `${caller.tenant}/${caller.agencyId}/referrals`;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey(manager, {
          scope,
          key: idempotencyKey,
          body: dto,
          resourceId: referral.id,
        });
        if (claim.replay) {
          const earlier = await manager.findOneByOrFail(Referral, { id: claim.resourceId });
          noteProducedEvents(claim.eventIds);
          return { referral: earlier, replayed: true };
        }
      }
      await this.saveWithEvents(manager, caller, referral);
      if (idempotencyKey) await recordIdempotentEvents(manager, { scope, key: idempotencyKey }, producedEventIds());
      return { referral, replayed: false };
    });
  }

  private async saveWithEvents(manager: EntityManager, caller: Caller, referral: Referral): Promise<void> {
    const match = await this.duplicates.findOpenReferralFor(manager, referral);
    if (match) {
      referral.linkedToReferralId = match.referral.id;
      referral.familyId = match.referral.familyId;
    }
    await manager.insert(Referral, referral);
    await this.duplicates.index(manager, referral);
    const cause = { actor: caller.personId, actoragency: caller.agencyId };
    const received = referralReceived(referral, cause);
    const events: CloudEvent<object>[] = [received];
    if (match) {
      events.push(
        referralLinked(referral, match.referral, match.matchedChildIds, { ...cause, correlationid: received.id }),
      );
    }
    await this.outbox.append(manager, events);
  }

  private checkRules(caller: Caller, dto: CreateReferralDto, now: Date): string {
    const tenant = this.tenants.requireTenant(caller.tenant);
    const receivingAgencyId = dto.receivingAgencyId ?? tenant.referralFrontDoorAgencyId;
    const violations: RuleViolation[] = [
      ...sourceCodeViolations(dto.sourceCode, dto.source),
      ...childDateViolations(dto.family.children, this.calendar.localDate(now)),
    ];
    const receiving = this.tenants.agency(tenant, receivingAgencyId);
    if (!receiving?.receivesReferrals) {
      violations.push({
        field: 'receivingAgencyId',
        rule: 'isReferralReceivingAgency',
        message: `${receivingAgencyId} is not an agency of ${tenant.code} that receives referrals`,
      });
    }
    const sourceAgency = dto.source.kind === 'practitioner' ? dto.source.agencyId : undefined;
    if (sourceAgency && !this.tenants.agency(tenant, sourceAgency)) {
      violations.push({
        field: 'source.agencyId',
        rule: 'isKnownAgency',
        message: `${sourceAgency} is not an agency of ${tenant.code}`,
      });
    } else if (sourceAgency && sourceAgency !== caller.agencyId && caller.agencyId !== receivingAgencyId) {
      // Only the receiving agency records referrals on another agency's behalf (e.g. one phoned in).
      violations.push({
        field: 'source.agencyId',
        rule: 'isCallersAgency',
        message: `you refer for your own agency (${caller.agencyId}), not ${sourceAgency}`,
      });
    }
    if (violations.length > 0) {
      throw ProblemException.of(422, 'referral-rules', 'The referral breaks a rule', violations[0].message, {
        errors: violations,
      });
    }
    return receivingAgencyId;
  }

  private build(caller: Caller, dto: CreateReferralDto, receivingAgencyId: string, now: Date): Referral {
    const referral = new Referral();
    Object.assign(referral, {
      id: randomUUID(),
      tenant: caller.tenant,
      familyId: randomUUID(),
      status: 'received',
      version: 1,
      receivedAt: now,
      decisionDueAt: this.calendar.deadlineAfter(now, DECISION_WORKING_DAYS),
      sourceCode: dto.sourceCode,
      source: { ...dto.source, identityWithheld: identityWithheld(dto.source) },
      referrerAgencyId: referrerAgencyOf(caller, dto, receivingAgencyId),
      receivingAgencyId,
      submittedBy: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId },
      proposedLevel: dto.proposedLevelOfNeed,
      urgency: dto.urgency ?? 'routine',
      consent: { ...dto.consent, recordedAt: now.toISOString() },
      concerns: { summary: dto.concerns.summary, categories: dto.concerns.categories },
      children: dto.family.children.map((c) => ({
        ...c,
        childId: randomUUID(),
        ...(c.nhsNumber ? { nhsNumber: normaliseNhsNumber(c.nhsNumber) } : {}),
      })),
      carers: dto.family.carers.map((c) => ({ ...c, carerId: randomUUID() })),
      linkedToReferralId: null,
      decision: null,
      decidedAt: null,
      withdrawal: null,
      overdueNotifiedAt: null,
    });
    return referral;
  }
}
