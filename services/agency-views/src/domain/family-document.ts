/**
 * The coordinated picture of one family, folded from every event about it. It holds everything any involved
 * agency may see; what one agency is shown is cut from it by `agency-view.ts`.
 */
export interface FamilyChild {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  expectedDateOfBirth?: string;
}

export interface FamilyCarer {
  givenName: string;
  familyName: string;
  relationship: string;
}

export type ReferralStatus = 'received' | 'decided' | 'withdrawn';

/** A referral about the family, as its events describe it. */
export interface ReferralState {
  referralId: string;
  status: ReferralStatus;
  /** The triage deadline passed before a decision. */
  decisionOverdue: boolean;
  receivingAgencyId: string;
  referrerAgencyId?: string;
  receivedAt?: string;
  decisionDueAt?: string;
  urgency?: string;
  proposedLevelOfNeed?: number;
  outcome?: string;
  levelOfNeed?: number;
  decidedAt?: string;
  withdrawnAt?: string;
  linkedToReferralId?: string;
  children: FamilyChild[];
  carers: FamilyCarer[];
}

/** How to reach a practitioner: whatever the plan recorded. */
export interface Contact {
  email?: string;
  phone?: string;
}

export interface LeadProfessional {
  personId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  role: string;
  contact: Contact;
  since: string;
}

export interface PlanMember {
  agencyId: string;
  agencyName: string;
  contactName: string;
  personId?: string;
  role: string;
  contact: Contact;
  joinedAt: string;
}

export interface PlanAction {
  actionId: string;
  outcomeId: string;
  description: string;
  ownerAgencyId: string;
  ownerName?: string;
  dueDate: string;
  /** not-started, in-progress, done or cancelled. */
  status: string;
}

/** A Team Around the Family plan: the snapshot carried by its highest-versioned event. */
export interface PlanState {
  planId: string;
  /** The plan's own version: the last event's, so a stale event is recognised. */
  version: number;
  status: string;
  open: boolean;
  openedAt: string;
  closedAt?: string;
  closureReason?: string;
  levelOfNeed: number;
  referralIds: string[];
  lead: LeadProfessional;
  /** A handover proposed and not yet accepted: the current lead stays until then. */
  proposedLead?: { name: string; agencyId: string; agencyName: string; proposedAt: string };
  members: PlanMember[];
  outcomes: { outcomeId: string; headlineOutcome: string; description: string }[];
  actions: PlanAction[];
  nextReviewDue?: string;
  lastReviewDate?: string;
  agreement: string;
  /** That an early help assessment exists, and the agencies it is shared with; never its content. */
  assessment?: { completedAt: string; sharedWithAgencyIds: string[] };
  children: FamilyChild[];
  carers: FamilyCarer[];
}

/** A parenting contract or order: its status is shown only to agencies entitled to it. */
export interface ParentingRecord {
  kind: 'contract' | 'order';
  id: string;
  version: number;
  status: string;
  /** Still binding or in force: not ended, discharged, expired or refused. */
  active: boolean;
  /** The agency holding it: the provider of a contract, the responsible officer's agency for an order. */
  holderAgencyId: string;
  legalBasis?: string;
  startsOn?: string;
  endsOn?: string;
}

export interface FamilyDocument {
  tenant: string;
  familyId: string;
  children: FamilyChild[];
  carers: FamilyCarer[];
  levelOfNeed?: number;
  referrals: ReferralState[];
  /** The family's current plan: the open one, else the most recently opened. */
  plan?: PlanState;
  parenting: ParentingRecord[];
}
