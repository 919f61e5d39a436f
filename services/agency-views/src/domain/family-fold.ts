import type {
  FamilyCarer,
  FamilyChild,
  FamilyDocument,
  ParentingRecord,
  PlanState,
  ReferralState,
} from './family-document.js';
import { foldParenting, isParentingEvent } from './parenting-fold.js';
import { foldPlan, isPlanEvent } from './plan-fold.js';
import { byAggregate, type RecordedEvent } from './recorded-event.js';
import { foldReferral, isReferralEvent } from './referral-fold.js';

/** Whether the family view is built from events of this type at all. */
export function isProjectedEvent(type: string): boolean {
  return isReferralEvent(type) || isPlanEvent(type) || isParentingEvent(type);
}

/**
 * The family's coordinated document from every event recorded about it. Each aggregate is folded on its own
 * (in its own life order), then the aggregates are combined in a fixed order, so the result depends only on
 * which events are known — never on the order they arrived in. That is what makes redelivery, out-of-order
 * delivery across aggregates and a rebuild all give the same view.
 */
export function foldFamily(tenant: string, familyId: string, events: readonly RecordedEvent[]): FamilyDocument {
  const referrals = [...byAggregate(events.filter((e) => isReferralEvent(e.type))).values()]
    .map(foldReferral)
    .filter((r): r is ReferralState => r !== undefined)
    .sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') || a.referralId.localeCompare(b.referralId));
  const plan = currentPlan(
    [...byAggregate(events.filter((e) => isPlanEvent(e.type))).values()]
      .map(foldPlan)
      .filter((p): p is PlanState => p !== undefined),
  );
  // The plan's record of the family is the one its members keep current; referrals still awaiting triage may
  // name someone it does not (yet).
  const awaiting = referrals.filter((r) => r.status === 'received');
  const document: FamilyDocument = {
    tenant,
    familyId,
    children: distinctChildren([
      ...(plan?.children ?? referrals.flatMap((r) => r.children)),
      ...awaiting.flatMap((r) => r.children),
    ]),
    carers: distinctCarers([
      ...(plan?.carers ?? referrals.flatMap((r) => r.carers)),
      ...awaiting.flatMap((r) => r.carers),
    ]),
    referrals,
    parenting: [...byAggregate(events.filter((e) => isParentingEvent(e.type))).values()]
      .map(foldParenting)
      .filter((r): r is ParentingRecord => r !== undefined)
      .sort(
        (a, b) =>
          a.kind.localeCompare(b.kind) ||
          (a.startsOn ?? '').localeCompare(b.startsOn ?? '') ||
          a.id.localeCompare(b.id),
      ),
  };
  if (plan !== undefined) document.plan = plan;
  const levelOfNeed = levelOfNeedOf(document);
  return levelOfNeed === undefined ? document : { ...document, levelOfNeed };
}

/** The open plan (the most recently opened, should there be two), else the most recently opened closed one. */
function currentPlan(plans: PlanState[]): PlanState | undefined {
  const newestFirst = plans.sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.planId.localeCompare(b.planId));
  return newestFirst.find((p) => p.open) ?? newestFirst[0];
}

/**
 * The family's level of need: an open plan's, else the decision of the most recent triage, else the highest a
 * referrer proposed for a referral still awaiting triage.
 */
function levelOfNeedOf(document: FamilyDocument): number | undefined {
  if (document.plan?.open) return document.plan.levelOfNeed;
  const decided = document.referrals
    .filter((r) => r.status === 'decided' && r.levelOfNeed !== undefined)
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  if (decided.length > 0) return decided[0].levelOfNeed;
  const proposed = document.referrals
    .filter((r) => r.status === 'received' && r.proposedLevelOfNeed !== undefined)
    .map((r) => r.proposedLevelOfNeed as number);
  return proposed.length > 0 ? Math.max(...proposed) : undefined;
}

const normalise = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

/** The same child named in several referrals appears once: same names and date of birth. */
export function distinctChildren(children: readonly FamilyChild[]): FamilyChild[] {
  const seen = new Map<string, FamilyChild>();
  for (const child of children) {
    const key = [child.givenName, child.familyName, child.dateOfBirth, child.expectedDateOfBirth]
      .map(normalise)
      .join('|');
    if (!seen.has(key)) seen.set(key, child);
  }
  return [...seen.values()].sort(
    (a, b) =>
      (a.dateOfBirth ?? a.expectedDateOfBirth ?? '').localeCompare(b.dateOfBirth ?? b.expectedDateOfBirth ?? '') ||
      a.givenName.localeCompare(b.givenName),
  );
}

export function distinctCarers(carers: readonly FamilyCarer[]): FamilyCarer[] {
  const seen = new Map<string, FamilyCarer>();
  for (const carer of carers) {
    const key = [carer.givenName, carer.familyName, carer.relationship].map(normalise).join('|');
    if (!seen.has(key)) seen.set(key, carer);
  }
  return [...seen.values()].sort(
    (a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName),
  );
}
