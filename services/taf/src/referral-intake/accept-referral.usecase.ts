import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlanEvents, type CloudEvent, type ReferralDecidedV1 } from '@baton/contracts';
import { TenantDirectory } from '@baton/tenancy';
import { initialLeadFor } from '../domain/initial-lead.rules.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan, type PlanChildRecord } from '../plan/plan.entity.js';
import { OpenPlanFinder, type OpenPlanMatch } from '../plan/open-plan/open-plan-finder.js';
import { PlanOpener } from '../plan/open-plan/plan-opener.js';
import { PlanStore } from '../plan/plan.store.js';

export type AcceptOutcome = 'opened' | 'joined' | 'already-handled' | 'not-agreed' | 'not-early-help';

/**
 * A referral accepted for early help opens a plan — or, when one of its children is already in an open plan,
 * its concern joins that plan and the lead professional is told (`concern-joined`). Idempotent twice over: the
 * inbox skips a redelivered event, and `plan_referral` remembers every referral already turned into a plan.
 */
@Injectable()
export class AcceptReferral {
  private readonly logger = new Logger(AcceptReferral.name);

  constructor(
    private readonly opener: PlanOpener,
    private readonly finder: OpenPlanFinder,
    private readonly store: PlanStore,
    private readonly recorder: PlanEventRecorder,
    private readonly tenants: TenantDirectory,
  ) {}

  async execute(manager: EntityManager, event: CloudEvent<ReferralDecidedV1>): Promise<AcceptOutcome> {
    const decision = event.data;
    if (decision.outcome !== 'accept-early-help') return 'not-early-help';
    const seen: unknown[] = await manager.query('SELECT 1 FROM plan_referral WHERE referral_id = $1', [
      decision.referralId,
    ]);
    if (seen.length > 0) return 'already-handled';
    const children: PlanChildRecord[] = decision.children.map((c) => ({ ...c }));
    const match = await this.finder.lockAndFind(manager, event.tenant, children);
    const at = new Date(decision.decidedAt);
    if (match) {
      await this.join(manager, event, match, children, at);
      return 'joined';
    }
    // Early help is voluntary: a plan needs the family's agreement. Without it the hub opens the plan
    // directly (POST /v1/plans with this referralId) once the family agrees.
    if (decision.consent.status !== 'given' || !decision.consent.sharingAgreed) {
      this.logger.log(`referral ${decision.referralId} accepted for early help without agreement: no plan yet`);
      return 'not-agreed';
    }
    const tenant = this.tenants.requireTenant(event.tenant);
    await this.opener.open(manager, {
      tenant: event.tenant,
      familyId: decision.familyId,
      levelOfNeed: decision.levelOfNeed,
      origin: 'referral',
      referralId: decision.referralId,
      children,
      carers: decision.carers.map((c) => ({ ...c })),
      lead: initialLeadFor(decision, tenant),
      openedBy: decision.decidedBy,
      agreement: {
        status: 'agreed',
        agreedAt: decision.decidedAt,
        recordedAs: 'consent to the referral and to sharing, given at referral',
      },
      members: [],
      at,
      causationid: event.id,
      correlationid: event.correlationid,
    });
    return 'opened';
  }

  private async join(
    manager: EntityManager,
    event: CloudEvent<ReferralDecidedV1>,
    { planId, matches, inAnyOpenPlan }: OpenPlanMatch,
    children: PlanChildRecord[],
    at: Date,
  ): Promise<void> {
    const decision = event.data;
    const state = await this.store.load(manager, event.tenant, planId, { lock: true });
    if (!state) throw new Error(`open plan ${planId} matched a child but could not be loaded`);
    const { plan } = state;
    // New people flow to the plan's members only when the family agreed to sharing, and has not withdrawn
    // its agreement to the plan; the concern still joins, so its lead professional is told.
    const sharing =
      decision.consent.status === 'given' && decision.consent.sharingAgreed && plan.agreement.status === 'agreed';
    const added = sharing ? children.filter((_, i) => !inAnyOpenPlan.has(i)) : [];
    const carerKey = (c: { givenName: string; familyName: string }) => `${c.givenName}|${c.familyName}`.toLowerCase();
    const knownCarers = new Set(plan.carers.map(carerKey));
    const addedCarers = sharing ? decision.carers.filter((c) => !knownCarers.has(carerKey(c))) : [];
    plan.referralIds = [...plan.referralIds, decision.referralId];
    plan.children = [...plan.children, ...added];
    plan.carers = [...plan.carers, ...addedCarers];
    await manager.update(
      Plan,
      { id: plan.id },
      { referralIds: plan.referralIds, children: plan.children, carers: plan.carers },
    );
    await this.finder.index(manager, plan.tenant, plan.id, added);
    await manager.query('INSERT INTO plan_referral (referral_id, plan_id, joined_at) VALUES ($1, $2, $3)', [
      decision.referralId,
      plan.id,
      at,
    ]);
    await this.recorder.record(manager, state, {
      definition: PlanEvents.concernJoined,
      data: {
        referralId: decision.referralId,
        referralFamilyId: decision.familyId,
        matchedChildIds: [...new Set(matches.values())],
        addedChildIds: added.map((c) => c.childId),
        addedCarerIds: addedCarers.map((c) => c.carerId),
        joinedAt: at.toISOString(),
        decidedBy: decision.decidedBy,
      },
      actor: decision.decidedBy,
      at,
      causationid: event.id,
      correlationid: event.correlationid,
      timeline: {
        summary: `A new referral about ${matches.size === 1 ? 'a child' : 'children'} in this plan joined it; the lead professional was told`,
        details: { referralId: decision.referralId, levelOfNeed: decision.levelOfNeed },
      },
    });
  }
}
