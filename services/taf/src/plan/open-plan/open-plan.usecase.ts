import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { childDateViolations, normaliseNhsNumber } from '@baton/contracts';
import { claimIdempotencyKey, ProblemException, recordIdempotentEvents } from '@baton/http-api';
import { noteProducedEvents, producedEventIds } from '@baton/messaging';
import { TenantDirectory } from '@baton/tenancy';
import type { RuleViolation } from '../../domain/rule-violation.js';
import type { OpenPlanDto } from '../dto/open-plan.dto.js';
import { refuseIfAny } from '../refuse.js';
import { PlanStore } from '../plan.store.js';
import type { PlanState } from '../plan-state.js';
import { OpenPlanFinder } from './open-plan-finder.js';
import { PlanOpener } from './plan-opener.js';

/**
 * A practitioner opens a plan directly for a family they work with, naming the lead professional and recording
 * the family's agreement. A child already in an open plan is refused with that plan's lead professional and
 * contact, so the practitioner brings the concern to them instead of starting a second plan.
 */
@Injectable()
export class OpenPlan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly opener: PlanOpener,
    private readonly finder: OpenPlanFinder,
    private readonly store: PlanStore,
    private readonly tenants: TenantDirectory,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, dto: OpenPlanDto, idempotencyKey: string | undefined): Promise<PlanState> {
    const now = this.clock.now();
    refuseIfAny(this.violations(caller, dto, now), 'The plan cannot be opened');
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const scope = `${caller.tenant}/${caller.agencyId}/plans`;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey(manager, {
          scope,
          key: idempotencyKey,
          body: dto,
          resourceId: id,
        });
        if (claim.replay) {
          const earlier = await this.store.load(manager, caller.tenant, claim.resourceId);
          if (!earlier) throw new Error(`plan ${claim.resourceId} of an idempotency key is missing`);
          noteProducedEvents(claim.eventIds);
          return earlier;
        }
      }
      if (dto.referralId) {
        const seen: unknown[] = await manager.query('SELECT 1 FROM plan_referral WHERE referral_id = $1', [
          dto.referralId,
        ]);
        if (seen.length > 0) {
          refuseIfAny(
            [
              {
                field: 'referralId',
                rule: 'referralNotInPlan',
                message: 'this referral is already in a plan',
                kind: 'conflict',
              },
            ],
            'The plan cannot be opened',
          );
        }
      }
      const children = dto.children.map((c) => ({
        childId: randomUUID(),
        givenName: c.givenName,
        familyName: c.familyName,
        ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}),
        ...(c.expectedDateOfBirth ? { expectedDateOfBirth: c.expectedDateOfBirth } : {}),
        ...(c.nhsNumber ? { nhsNumber: normaliseNhsNumber(c.nhsNumber) } : {}),
      }));
      const existing = await this.finder.lockAndFind(manager, caller.tenant, children);
      if (existing) {
        const plan = await this.store.load(manager, caller.tenant, existing.planId);
        if (!plan) throw new Error(`open plan ${existing.planId} matched a child but could not be loaded`);
        const { lead } = plan;
        throw ProblemException.of(
          409,
          'child-in-open-plan',
          'A child is already in an open plan',
          `Bring the concern to the plan's lead professional, ${lead.name} (${lead.agencyName}), rather than opening a second plan`,
          {
            errors: [...existing.matches.keys()].map((i) => ({
              field: `children[${i}]`,
              rule: 'notInOpenPlan',
              message: 'this child is already in an open plan',
            })),
            leadProfessional: {
              name: lead.name,
              agencyName: lead.agencyName,
              role: lead.role,
              email: lead.email,
              phone: lead.phone,
            },
          },
        );
      }
      const lead = {
        ...dto.lead,
        agencyName: this.tenants.agency(caller.tenant, dto.lead.agencyId)?.name ?? dto.lead.agencyId,
      };
      const opener = {
        agencyId: caller.agencyId,
        agencyName: this.tenants.agency(caller.tenant, caller.agencyId)?.name ?? caller.agencyId,
        personId: caller.personId,
        contactName: caller.name,
        role: 'practitioner',
        email: caller.email ?? null,
        phone: null,
      };
      const members = (dto.members ?? []).map((m) => ({
        agencyId: m.agencyId,
        agencyName: this.tenants.agency(caller.tenant, m.agencyId)?.name ?? m.agencyId,
        personId: m.personId ?? null,
        contactName: m.contactName,
        role: m.role,
        email: m.email ?? null,
        phone: m.phone ?? null,
      }));
      const unique = [opener, ...members].filter((m, i, all) => all.findIndex((o) => o.agencyId === m.agencyId) === i);
      const opened = await this.opener.open(manager, {
        id,
        tenant: caller.tenant,
        familyId: dto.familyId ?? randomUUID(),
        levelOfNeed: dto.levelOfNeed,
        origin: 'practitioner',
        referralId: dto.referralId,
        children,
        carers: dto.carers.map((c) => ({ carerId: randomUUID(), ...c })),
        lead,
        openedBy: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId },
        agreement: {
          status: 'agreed',
          agreedAt: new Date(dto.familyAgreement.agreedAt).toISOString(),
          recordedAs: dto.familyAgreement.recordedAs,
        },
        members: unique,
        at: now,
      });
      if (idempotencyKey) await recordIdempotentEvents(manager, { scope, key: idempotencyKey }, producedEventIds());
      return opened;
    });
  }

  private violations(caller: Caller, dto: OpenPlanDto, now: Date): RuleViolation[] {
    const today = this.calendar.localDate(now);
    const knownAgency = (field: string, agencyId: string): RuleViolation[] =>
      this.tenants.agency(caller.tenant, agencyId)
        ? []
        : [{ field, rule: 'isKnownAgency', message: `${agencyId} is not an agency of ${caller.tenant}`, kind: 'rule' }];
    return [
      ...childDateViolations(dto.children, today, 'children').map((v) => ({ ...v, kind: 'rule' as const })),
      ...knownAgency('lead.agencyId', dto.lead.agencyId),
      ...(dto.members ?? []).flatMap((m, i) => knownAgency(`members[${i}].agencyId`, m.agencyId)),
      ...(new Date(dto.familyAgreement.agreedAt) > now
        ? [
            {
              field: 'familyAgreement.agreedAt',
              rule: 'isNotFuture',
              message: 'the family cannot have agreed in the future',
              kind: 'rule' as const,
            },
          ]
        : []),
    ];
  }
}
