import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { PlanEvents } from '@baton/contracts';
import { PeriodicJob } from '@baton/periodic-job';
import { isActionOverdue } from '../domain/action.rules.js';
import { isReviewOverdue } from '../domain/review-cadence.rules.js';
import { PlanEventRecorder, SYSTEM_ACTOR } from '../plan/plan-event.recorder.js';
import { Plan } from '../plan/plan.entity.js';
import { PlanStore } from '../plan/plan.store.js';
import { actionOf } from '../plan/plan.snapshot.js';
import { PlanActionRow } from '../work/plan-action.entity.js';

export const OVERDUE_SCAN_INTERVAL = Symbol('OVERDUE_SCAN_INTERVAL');
const BATCH = 100;

/**
 * Emits `action-overdue` once per action and due date, and `review-overdue` once per plan and review date.
 * Plans are claimed with SKIP LOCKED (so replicas share the work and never take the same plan) and the
 * "already told" marks are written in the same transaction as the events, so a restart neither repeats
 * nor misses one. A plan being changed by a request is skipped this pass and picked up on the next.
 */
@Injectable()
export class OverdueJob extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly recorder: PlanEventRecorder,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    @Inject(OVERDUE_SCAN_INTERVAL) intervalMs: number,
  ) {
    super({ name: 'overdue scan', intervalMs, runAtStart: true });
  }

  /** One pass; returns how many overdue events it emitted. */
  protected async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const today = this.calendar.localDate(now);
      const { plans, events } = await this.dataSource.transaction(async (manager) => {
        // Due on or before yesterday: the whole of the due day has passed.
        const claimed: { id: string; tenant: string }[] = await manager.query(
          `SELECT p.id, p.tenant FROM plan p
            WHERE p.status = 'open' AND (
                  (p.next_review_date < $1::date AND p.next_review_date IS DISTINCT FROM p.review_overdue_notified_for)
               OR EXISTS (SELECT 1 FROM plan_action a
                           WHERE a.plan_id = p.id AND a.status IN ('not-started', 'in-progress')
                             AND a.due_date < $1::date AND a.due_date IS DISTINCT FROM a.overdue_notified_for))
            ORDER BY p.id LIMIT ${BATCH} FOR UPDATE OF p SKIP LOCKED`,
          [today],
        );
        let emitted = 0;
        for (const { id, tenant } of claimed) emitted += await this.announce(manager, tenant, id, now, today);
        return { plans: claimed.length, events: emitted };
      });
      total += events;
      if (plans < BATCH) return total;
    }
  }

  private async announce(manager: EntityManager, tenant: string, planId: string, now: Date, today: string) {
    const state = await this.store.load(manager, tenant, planId);
    if (!state) return 0;
    let emitted = 0;
    for (const action of state.actions) {
      if (!isActionOverdue(action, today) || action.overdueNotifiedFor === action.dueDate) continue;
      action.overdueNotifiedFor = action.dueDate;
      await manager.update(PlanActionRow, { id: action.id }, { overdueNotifiedFor: action.dueDate });
      await this.recorder.record(manager, state, {
        definition: PlanEvents.actionOverdue,
        data: { action: actionOf(action), detectedAt: now.toISOString() },
        actor: SYSTEM_ACTOR,
        at: now,
        timeline: {
          summary: `Overdue: "${action.description}" was due ${action.dueDate}`,
          details: { actionId: action.id },
          visibleTo: 'agency',
          agencyId: action.ownerAgencyId,
        },
      });
      emitted += 1;
    }
    const { plan } = state;
    if (
      plan.nextReviewDate &&
      isReviewOverdue(plan.nextReviewDate, today) &&
      plan.reviewOverdueNotifiedFor !== plan.nextReviewDate
    ) {
      plan.reviewOverdueNotifiedFor = plan.nextReviewDate;
      await manager.update(Plan, { id: plan.id }, { reviewOverdueNotifiedFor: plan.nextReviewDate });
      await this.recorder.record(manager, state, {
        definition: PlanEvents.reviewOverdue,
        data: { reviewDueDate: plan.nextReviewDate, detectedAt: now.toISOString() },
        actor: SYSTEM_ACTOR,
        at: now,
        timeline: { summary: `Overdue: the review due ${plan.nextReviewDate} has not been recorded` },
      });
      emitted += 1;
    }
    return emitted;
  }
}
