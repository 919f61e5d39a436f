import { recordedLate } from '../domain/contact-deadline.rules.js';
import type { EnforcementCase } from './enforcement-case.entity.js';

/** An enforcement case as its holder sees it (offence detail included). */
export function enforcementView(c: EnforcementCase) {
  return {
    id: c.id,
    orderId: c.orderId,
    complianceId: c.complianceId,
    requirementId: c.requirementId,
    status: c.status,
    version: c.version,
    breachOn: c.breachOn,
    openedAt: c.openedAt.toISOString(),
    contactDueAt: c.contactDueAt.toISOString(),
    recordedLate: recordedLate(c.openedAt, c.contactDueAt),
    contactedAt: c.contactedAt?.toISOString() ?? null,
    contactMethod: c.contactMethod,
    contactNotes: c.contactNotes,
    decision: c.decision,
    decisionReason: c.decisionReason,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decidedBy: c.decidedBy,
    decidedWithoutContact: c.decidedWithoutContact,
    workingDaysToDecision: c.workingDaysToDecision,
    approval: c.approval,
    approvalReason: c.approvalReason,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    approvedBy: c.approvedBy,
  };
}
