import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import type { PlanRelationship } from '../access/plan-access.policy.js';
import { changeViolations, openPlanViolations } from '../domain/plan-state.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import type { PersonRef } from './plan.entity.js';
import { PlanLoader } from './plan.loader.js';
import type { PlanState } from './plan-state.js';
import { refuseIfAny } from './refuse.js';

export interface PlanChangeContext {
  manager: EntityManager;
  state: PlanState;
  relationship: PlanRelationship;
  caller: Caller;
  actor: PersonRef;
  now: Date;
  /** Today in England, for due dates and review dates. */
  today: string;
}

export interface PlanChangeOptions {
  /** Only the lead professional makes this change (the plan itself). */
  leadOnly?: boolean;
  /** What the plan's state must allow: any change (open, family agreement in force) or only being open. */
  requires: 'agreement' | 'open';
  title: string;
}

/**
 * Runs one change to one plan: in a transaction, the plan locked, the caller related to it (404 otherwise),
 * the lead where the change is the lead's, `If-Match` checked, and the plan's state allowing the change.
 */
@Injectable()
export class PlanChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: PlanLoader,
    private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  run<T>(
    caller: Caller,
    planId: string,
    ifMatch: string | undefined,
    options: PlanChangeOptions,
    change: (ctx: PlanChangeContext) => Promise<T>,
  ): Promise<{ state: PlanState; result: T }> {
    return this.dataSource.transaction(async (manager) => {
      const { state, relationship } = await this.loader.forCaller(manager, caller, planId, { lock: true });
      if (relationship === 'break-glass') {
        throw ProblemException.of(403, 'break-glass-read-only', 'Forbidden', 'A break-glass grant only lets you read', {
          errors: [{ field: 'caller', rule: 'isRelatedToPlan', message: 'a break-glass grant does not change a plan' }],
        });
      }
      if (options.leadOnly && relationship !== 'lead') {
        throw ProblemException.of(
          403,
          'lead-professional-only',
          'Forbidden',
          'Only the lead professional changes the plan',
          {
            errors: [
              { field: 'caller', rule: 'isLeadProfessional', message: 'only the lead professional changes the plan' },
            ],
          },
        );
      }
      requireIfMatch(ifMatch, state.plan.version);
      const stateRules: RuleViolation[] =
        options.requires === 'agreement'
          ? changeViolations(state.plan.status, state.plan.agreement.status)
          : openPlanViolations(state.plan.status);
      refuseIfAny(stateRules, options.title);
      const now = this.clock.now();
      const ctx: PlanChangeContext = {
        manager,
        state,
        relationship,
        caller,
        actor: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId },
        now,
        today: this.calendar.localDate(now),
      };
      const result = await change(ctx);
      return { state, result };
    });
  }
}
