/** An event as the ledger holds it, with what the reports cite as evidence. */
export interface LedgeredEvent {
  seq: number;
  hash: string;
  event: {
    id: string;
    type: string;
    time: string;
    subject: string;
    actor: string;
    actoragency?: string;
    data: Record<string, unknown>;
  };
}

export interface ChildFacts {
  childId: string;
  dateOfBirth?: string;
}

/** What the ledger says happened to one referral. */
export interface ReferralFacts {
  referralId: string;
  familyId: string;
  receivedAt: string;
  decisionDueAt: string;
  sourceCode: string;
  receivingAgencyId: string;
  /** The referring agency, when a practitioner referred. */
  referringAgencyId?: string;
  children: ChildFacts[];
  decidedAt?: string;
  outcome?: string;
  allocatedTeamId?: string;
  allocatedWorkerName?: string;
  withdrawnAt?: string;
  /** When the first plan opened from it (an accepted referral becomes a plan after the assessment). */
  planOpenedAt?: string;
}

export interface ReviewFacts {
  heldOn: string;
  /** The next review date the plan had before this review: the review was on time if held by then. */
  dueOn?: string;
  progress: string[];
}

/** What the ledger says happened to one Team Around the Family plan. */
export interface PlanFacts {
  planId: string;
  familyId: string;
  openedAt: string;
  referralIds: string[];
  leadAgencyId?: string;
  children: ChildFacts[];
  assessmentCompletedAt?: string;
  reviews: ReviewFacts[];
  leadChanges: string[];
  closedAt?: string;
  closureReason?: string;
  /** The plan's next review date as of the last event folded. */
  nextReviewDue?: string;
}

export interface CaseFacts {
  referrals: Map<string, ReferralFacts>;
  plans: Map<string, PlanFacts>;
}

type Data = Record<string, unknown>;

/**
 * The ledgered events of the records one agency is involved with: referrals and plans as `factsOfAgency` has
 * them, orders and contracts its own (it holds them, or made the event).
 */
export function eventsOfAgency(events: readonly LedgeredEvent[], scoped: CaseFacts, agencyId: string): LedgeredEvent[] {
  return events.filter(({ event }) => {
    const d = event.data;
    if (event.type.startsWith('baton.referral.')) return scoped.referrals.has(String(d.referralId));
    if (event.type.startsWith('baton.plan.')) return scoped.plans.has(String(d.planId));
    return d.holdingAgencyId === agencyId || event.actoragency === agencyId;
  });
}

/**
 * The referrals and plans one agency is involved with, as the records themselves say: referrals it sent or
 * received, plans it leads. What a manager of an agency other than the front door reports on.
 */
export function factsOfAgency(facts: CaseFacts, agencyId: string): CaseFacts {
  const referrals = new Map(
    [...facts.referrals].filter(([, r]) => r.receivingAgencyId === agencyId || r.referringAgencyId === agencyId),
  );
  const plans = new Map([...facts.plans].filter(([, p]) => p.leadAgencyId === agencyId));
  return { referrals, plans };
}
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function childrenOf(list: unknown): ChildFacts[] {
  if (!Array.isArray(list)) return [];
  return list.map((c: Data) => ({ childId: String(c.childId ?? c.personId), dateOfBirth: str(c.dateOfBirth) }));
}

/** Folds referral and plan events (in ledger order) into one record per referral and per plan. */
export function foldCaseFacts(events: readonly LedgeredEvent[]): CaseFacts {
  const referrals = new Map<string, ReferralFacts>();
  const plans = new Map<string, PlanFacts>();
  for (const { event } of events) {
    const d = event.data;
    if (event.type.startsWith('baton.referral.')) foldReferral(referrals, event.type, d);
    else if (event.type.startsWith('baton.plan.')) foldPlan(plans, referrals, event.type, d);
  }
  return { referrals, plans };
}

function foldReferral(referrals: Map<string, ReferralFacts>, type: string, d: Data): void {
  const id = String(d.referralId);
  if (type === 'baton.referral.received.v1') {
    referrals.set(id, {
      referralId: id,
      familyId: String(d.familyId),
      receivedAt: String(d.receivedAt),
      decisionDueAt: String(d.decisionDueAt),
      sourceCode: String(d.sourceCode),
      receivingAgencyId: String(d.receivingAgencyId),
      referringAgencyId: str((d.source as Data | undefined)?.agencyId),
      children: childrenOf(d.children),
    });
    return;
  }
  const referral = referrals.get(id);
  if (!referral) return;
  if (type === 'baton.referral.decided.v1') {
    referral.decidedAt = str(d.decidedAt);
    referral.outcome = str(d.outcome);
    referral.allocatedTeamId = str(d.allocatedTeamId);
    referral.allocatedWorkerName = str(d.allocatedWorkerName);
  } else if (type === 'baton.referral.withdrawn.v1') {
    referral.withdrawnAt = str(d.withdrawnAt) ?? referral.withdrawnAt;
  }
}

function foldPlan(plans: Map<string, PlanFacts>, referrals: Map<string, ReferralFacts>, type: string, d: Data): void {
  const id = String(d.planId);
  const snapshot = (d.plan ?? {}) as Data;
  if (type === 'baton.plan.opened.v1') {
    const referralIds = [
      ...new Set([...((snapshot.referralIds as string[]) ?? []), ...(d.referralId ? [String(d.referralId)] : [])]),
    ];
    const lead = ((snapshot.lead as Data)?.professional ?? {}) as Data;
    plans.set(id, {
      planId: id,
      familyId: String(d.familyId),
      openedAt: String(d.openedAt),
      referralIds,
      leadAgencyId: str(lead.agencyId),
      children: childrenOf(snapshot.children),
      reviews: [],
      leadChanges: [],
      nextReviewDue: str(snapshot.nextReviewDate),
    });
    for (const referralId of referralIds) {
      const referral = referrals.get(referralId);
      if (referral && referral.planOpenedAt === undefined) referral.planOpenedAt = String(d.openedAt);
    }
    return;
  }
  const plan = plans.get(id);
  if (!plan) return;
  if (type === 'baton.plan.assessment-recorded.v1') plan.assessmentCompletedAt ??= str(d.completedAt);
  else if (type === 'baton.plan.review-recorded.v1') {
    const progress = Array.isArray(d.progress) ? d.progress.map((p: Data) => String(p.progress)) : [];
    plan.reviews.push({ heldOn: String(d.heldOn), dueOn: plan.nextReviewDue, progress });
  } else if (type === 'baton.plan.lead-changed.v1') plan.leadChanges.push(String(d.effectiveAt));
  else if (type === 'baton.plan.closed.v1') {
    plan.closedAt = str(d.closedAt);
    plan.closureReason = str(d.reason);
  }
  plan.nextReviewDue = str(snapshot.nextReviewDate) ?? plan.nextReviewDue;
}
