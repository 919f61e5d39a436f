import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { isHoldingAgencyManager } from '../access/order-access.policy.js';
import { approvalViolations } from '../domain/enforcement.rules.js';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import { refuseIfAny } from '../problem/rule-problem.js';
import type { ApproveProsecutionDto } from './dto/enforcement.dto.js';
import { EnforcementCase } from './enforcement-case.entity.js';
import { EnforcementCaseLoader } from './enforcement-case.loader.js';

/**
 * The second person's answer to a prosecution referral. Approved, the referral takes effect and the
 * case closes; rejected, it goes back to the officer to decide again. The approver is checked by
 * person (not by role) and the table refuses an approver equal to the decider as a last guard.
 */
@Injectable()
export class ApproveProsecution {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: EnforcementCaseLoader,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    orderId: string,
    caseId: string,
    dto: ApproveProsecutionDto,
    ifMatch: string | undefined,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const { order, enforcement } = await this.loader.forHolder(manager, caller, orderId, caseId);
      requireIfMatch(ifMatch, enforcement.version);
      const violations = approvalViolations(enforcement.status, enforcement.decidedByPersonId, {
        personId: caller.personId,
        isHoldingAgencyManager: isHoldingAgencyManager(caller, order),
      });
      refuseIfAny(
        violations,
        'The prosecution referral cannot be approved',
        violations[0]?.rule === 'prosecutionAwaitingApproval' ? 409 : 403,
      );
      const now = this.clock.now();
      const decidedBy = enforcement.decidedBy ?? personOf(caller);
      const patch = dto.approve
        ? {
            status: 'closed' as const,
            approval: 'approved' as const,
            approvalReason: dto.reason,
            approvedAt: now,
            approvedBy: personOf(caller),
          }
        : {
            // Rejected: back to the officer. The rejection stays in the order's history.
            status: 'awaiting-decision' as const,
            approval: null,
            approvalReason: null,
            approvedAt: null,
            approvedBy: null,
            decision: null,
            decisionReason: null,
            decidedAt: null,
            decidedByPersonId: null,
            decidedBy: null,
            workingDaysToDecision: null,
            decidedWithoutContact: false,
          };
      Object.assign(enforcement, patch, { version: enforcement.version + 1 });
      await manager.update(EnforcementCase, { id: enforcement.id }, { ...patch, version: enforcement.version });
      await saveOrderStep(
        manager,
        order,
        dto.approve ? { openEnforcementCases: Math.max(0, order.openEnforcementCases - 1) } : {},
      );
      await recordHistory(
        manager,
        order.id,
        now,
        dto.approve ? 'prosecution-approved' : 'prosecution-rejected',
        personOf(caller),
        {
          enforcementId: enforcement.id,
          reason: dto.reason,
          decidedBy,
        },
      );
      const common = { enforcementId: enforcement.id, decidedBy };
      await this.outbox.append(
        manager,
        dto.approve
          ? orderEvent(OrderEvents.prosecutionApproved, order, causeOf(caller), now, {
              ...common,
              approvedBy: personOf(caller),
              approvedAt: now.toISOString(),
            })
          : orderEvent(OrderEvents.prosecutionRejected, order, causeOf(caller), now, {
              ...common,
              rejectedBy: personOf(caller),
              rejectedAt: now.toISOString(),
            }),
      );
      return enforcement;
    });
  }
}
