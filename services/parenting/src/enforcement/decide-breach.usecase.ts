import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { isHoldingAgencyManager, isResponsibleOfficer } from '../access/order-access.policy.js';
import { decisionViolations, statusAfterDecision } from '../domain/enforcement.rules.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import type { DecideBreachDto } from './dto/enforcement.dto.js';
import { EnforcementCase } from './enforcement-case.entity.js';
import { EnforcementCaseLoader } from './enforcement-case.loader.js';

/**
 * The responsible officer's decision on an apparent breach: no action, a written warning, or a
 * referral for prosecution — which waits for a second approver before it takes effect.
 * Concurrent decisions on one case: the order row lock serialises them and If-Match turns the
 * loser away with 412.
 */
@Injectable()
export class DecideBreach {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: EnforcementCaseLoader,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, caseId: string, dto: DecideBreachDto, ifMatch: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const { order, enforcement } = await this.loader.forHolder(manager, caller, orderId, caseId);
      requireIfMatch(ifMatch, enforcement.version);
      const decider = {
        personId: caller.personId,
        isResponsibleOfficer: isResponsibleOfficer(caller, order),
        isHoldingAgencyManager: isHoldingAgencyManager(caller, order),
      };
      const violations = decisionViolations(enforcement.status, decider);
      refuseIfAny(
        violations,
        'The decision cannot be recorded',
        violations[0]?.rule === 'enforcementAwaitingDecision' ? 409 : 422,
      );
      const now = this.clock.now();
      const status = statusAfterDecision(dto.decision);
      const workingDays = this.workingDaysSince(enforcement.breachOn, now);
      // Practice, not law, asks for contact first (CDA 1998 s.9(7) makes none a condition of deciding): a
      // decision without it stands, marked, and managers see it among the exceptions.
      const decidedWithoutContact = enforcement.contactedAt === null;
      const patch = {
        status,
        decision: dto.decision,
        decisionReason: dto.reason,
        decidedAt: now,
        decidedByPersonId: caller.personId,
        decidedBy: personOf(caller),
        workingDaysToDecision: workingDays,
        decidedWithoutContact,
        version: enforcement.version + 1,
      };
      Object.assign(enforcement, patch);
      await manager.update(EnforcementCase, { id: enforcement.id }, patch);
      await saveOrderStep(
        manager,
        order,
        status === 'closed' ? { openEnforcementCases: Math.max(0, order.openEnforcementCases - 1) } : {},
      );
      await recordHistory(manager, order.id, now, 'enforcement-decided', personOf(caller), {
        enforcementId: enforcement.id,
        decision: dto.decision,
        reason: dto.reason,
        workingDaysFromBreach: workingDays,
        decidedWithoutContact,
      });
      const cause = causeOf(caller);
      await this.outbox.append(manager, [
        orderEvent(OrderEvents.enforcementDecided, order, cause, now, {
          enforcementId: enforcement.id,
          decision: dto.decision,
          decidedAt: now.toISOString(),
          decidedBy: personOf(caller),
          takesEffect: status === 'closed',
          workingDaysFromBreach: workingDays,
          decidedWithoutContact,
        }),
        ...(dto.decision === 'prosecution-referral'
          ? [
              orderEvent(OrderEvents.prosecutionApprovalRequested, order, cause, now, {
                enforcementId: enforcement.id,
                requestedBy: personOf(caller),
                requestedAt: now.toISOString(),
              }),
            ]
          : []),
      ]);
      return enforcement;
    });
  }

  /** Working days from the breach to now; a breach older than the bank-holiday data is refused, not guessed. */
  private workingDaysSince(breachOn: string, now: Date): number {
    if (breachOn < this.calendar.coverage().from) {
      throw ProblemException.ruleBroken(
        'decision',
        'breachWithinCalendarCoverage',
        `working days cannot be counted from ${breachOn}: the calendar covers ${this.calendar.coverage().from} onwards`,
      );
    }
    return Math.max(0, this.calendar.workingDaysBetween(breachOn, this.calendar.localDate(now)));
  }
}
