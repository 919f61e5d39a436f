import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@baton/auth';
import { WorkingDayCalendar } from '@baton/calendar';
import { PlanEvents } from '@baton/contracts';
import { nextReviewDateViolations, reviewDueAfter } from '../domain/review-cadence.rules.js';
import { reviewViolations } from '../domain/review.rules.js';
import { PlanChanges } from '../plan/plan-changes.js';
import { PlanEventRecorder } from '../plan/plan-event.recorder.js';
import { Plan } from '../plan/plan.entity.js';
import type { PlanState } from '../plan/plan-state.js';
import { refuseIfAny } from '../plan/refuse.js';
import type { RecordReviewDto } from './dto/record-review.dto.js';
import { PlanReviewRow } from './plan-review.entity.js';

/**
 * The lead professional records a review: who attended, progress per agreed outcome, decisions, and the next
 * review date — so the next review date is always known while the plan is open.
 */
@Injectable()
export class RecordReview {
  constructor(
    private readonly changes: PlanChanges,
    private readonly recorder: PlanEventRecorder,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(
    caller: Caller,
    planId: string,
    dto: RecordReviewDto,
    ifMatch: string | undefined,
  ): Promise<{ state: PlanState; review: PlanReviewRow }> {
    const title = 'The review cannot be recorded';
    const { state, result } = await this.changes.run(
      caller,
      planId,
      ifMatch,
      { leadOnly: true, requires: 'agreement', title },
      async ({ manager, state, actor, now, today }) => {
        const { plan } = state;
        const openedOn = this.calendar.localDate(plan.openedAt);
        refuseIfAny(
          [
            ...reviewViolations(dto, { openedOn, today, outcomeIds: plan.outcomes.map((o) => o.outcomeId) }),
            ...(dto.nextReviewDate
              ? nextReviewDateViolations(this.calendar, dto.heldOn, dto.nextReviewDate, plan.reviewCadenceWeeks)
              : []),
          ],
          title,
        );
        const nextReviewDate = dto.nextReviewDate ?? reviewDueAfter(this.calendar, dto.heldOn, plan.reviewCadenceWeeks);
        const review = Object.assign(new PlanReviewRow(), {
          id: randomUUID(),
          planId: plan.id,
          heldOn: dto.heldOn,
          attendees: dto.attendees,
          progress: dto.progress,
          decisions: dto.decisions,
          nextReviewDate,
          recordedBy: actor,
          recordedAt: now,
        });
        await manager.insert(PlanReviewRow, review);
        plan.lastReviewDate = dto.heldOn;
        plan.nextReviewDate = nextReviewDate;
        await manager.update(Plan, { id: plan.id }, { lastReviewDate: dto.heldOn, nextReviewDate });
        await this.recorder.record(manager, state, {
          definition: PlanEvents.reviewRecorded,
          data: {
            reviewId: review.id,
            heldOn: dto.heldOn,
            attendees: dto.attendees,
            progress: dto.progress,
            decisions: dto.decisions,
            nextReviewDate,
            recordedBy: actor,
          },
          actor,
          at: now,
          timeline: {
            summary: `Review held on ${dto.heldOn} with ${dto.attendees.length} attending; next review ${nextReviewDate}`,
            details: { reviewId: review.id, decisions: dto.decisions },
          },
        });
        return review;
      },
    );
    return { state, review: result };
  }
}
