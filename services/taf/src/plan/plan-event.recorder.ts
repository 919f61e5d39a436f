import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newEvent, type EventDefinition } from '@baton/contracts';
import { Outbox } from '@baton/messaging';
import type { TimelineVisibility } from '../timeline/plan-timeline.entity.js';
import { Plan, type PersonRef } from './plan.entity.js';
import type { PlanState } from './plan-state.js';
import { snapshotOf } from './plan.snapshot.js';

export const TAF_SOURCE = 'baton/taf';

/** What every plan event's payload has; the recorder fills it in. */
interface PlanEventCommon {
  planId: string;
  familyId: string;
  planVersion: number;
  plan: unknown;
}

/** Who caused a change: a person, or the scheduler (`system`). */
export type PlanActor = PersonRef | { personId: 'system'; name: string; agencyId: string };

export const SYSTEM_ACTOR: PlanActor = { personId: 'system', name: 'Baton scheduler', agencyId: 'baton' };

export interface TimelineEntry {
  summary: string;
  details?: Record<string, unknown>;
  visibleTo?: TimelineVisibility;
  /** With `visibleTo: 'agency'`, the agency that may see it besides the lead and managers. */
  agencyId?: string;
}

export interface PlanEventInput<T extends PlanEventCommon> {
  definition: EventDefinition<T>;
  data: Omit<T, keyof PlanEventCommon>;
  actor: PlanActor;
  at: Date;
  timeline: TimelineEntry;
  correlationid?: string;
  causationid?: string;
}

/**
 * The one way a plan event is written: the plan's version rises by one, the event (with the plan as it now
 * stands) goes to the outbox and a line to the timeline, all in the caller's transaction.
 */
@Injectable()
export class PlanEventRecorder {
  constructor(private readonly outbox: Outbox) {}

  async record<T extends PlanEventCommon>(
    manager: EntityManager,
    state: PlanState,
    input: PlanEventInput<T>,
  ): Promise<void> {
    const { plan } = state;
    plan.version += 1;
    await manager.update(Plan, { id: plan.id }, { version: plan.version });
    const data = {
      planId: plan.id,
      familyId: plan.familyId,
      planVersion: plan.version,
      plan: snapshotOf(state),
      ...input.data,
    } as T;
    const event = newEvent(input.definition, {
      source: TAF_SOURCE,
      subject: plan.id,
      tenant: plan.tenant,
      familyid: plan.familyId,
      actor: input.actor.personId,
      actoragency: input.actor.agencyId,
      correlationid: input.correlationid,
      causationid: input.causationid,
      time: input.at,
      data,
    });
    await this.outbox.append(manager, event);
    await manager.query(
      `INSERT INTO plan_timeline (plan_id, tenant, family_id, at, plan_version, type, actor, summary, details, visible_to, agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        plan.id,
        plan.tenant,
        plan.familyId,
        input.at,
        plan.version,
        input.definition.type,
        JSON.stringify(input.actor),
        input.timeline.summary,
        JSON.stringify(input.timeline.details ?? {}),
        input.timeline.visibleTo ?? 'all',
        input.timeline.agencyId ?? null,
      ],
    );
  }
}
