import type { LedgeredEvent } from '../domain/reports/case-facts.js';

/** Builds ledgered events for the report tests: invented ids, in the order given. */
export class EventScript {
  readonly events: LedgeredEvent[] = [];

  add(type: string, time: string, data: Record<string, unknown>): this {
    const seq = this.events.length + 1;
    this.events.push({
      seq,
      hash: `hash-${seq}`,
      event: {
        id: `event-${seq}`,
        type,
        time,
        subject: String(data.referralId ?? data.planId ?? data.orderId),
        actor: 'someone',
        data,
      },
    });
    return this;
  }

  received(
    referralId: string,
    receivedAt: string,
    o: { agency?: string; source?: string; children?: string[] } = {},
  ): this {
    return this.add('baton.referral.received.v1', receivedAt, {
      referralId,
      familyId: `family-${referralId}`,
      receivedAt,
      decisionDueAt: new Date(Date.parse(receivedAt) + 24 * 3_600_000).toISOString(),
      sourceCode: o.source ?? '2A',
      receivingAgencyId: o.agency ?? 'hub',
      children: (o.children ?? [`child-${referralId}`]).map((childId) => ({ childId, dateOfBirth: '2016-04-12' })),
    });
  }

  decided(referralId: string, decidedAt: string, outcome: string, o: { team?: string; worker?: string } = {}): this {
    return this.add('baton.referral.decided.v1', decidedAt, {
      referralId,
      decidedAt,
      outcome,
      ...(o.team ? { allocatedTeamId: o.team } : {}),
      ...(o.worker ? { allocatedWorkerName: o.worker } : {}),
    });
  }

  planOpened(planId: string, referralId: string, openedAt: string, nextReviewDate = '2026-12-14'): this {
    return this.add('baton.plan.opened.v1', openedAt, {
      planId,
      familyId: `family-${referralId}`,
      referralId,
      openedAt,
      plan: {
        referralIds: [referralId],
        children: [{ childId: `child-${referralId}`, dateOfBirth: '2016-04-12' }],
        lead: { professional: { agencyId: 'hub' } },
        nextReviewDate,
      },
    });
  }

  review(planId: string, heldOn: string, progress: string[], nextReviewDate: string): this {
    return this.add('baton.plan.review-recorded.v1', `${heldOn}T10:00:00.000Z`, {
      planId,
      heldOn,
      progress: progress.map((p, i) => ({ outcomeId: `o${i}`, progress: p })),
      plan: { nextReviewDate },
    });
  }

  closed(planId: string, closedAt: string, reason: string): this {
    return this.add('baton.plan.closed.v1', closedAt, { planId, closedAt, reason, plan: {} });
  }
}
