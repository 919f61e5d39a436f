import { Injectable } from '@nestjs/common';
import type { ApiCaller } from '../api/service-client.js';
import { ServiceClients } from '../api/service-clients.js';

export interface PlanProfessional {
  personId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  role: string;
  email: string;
  phone?: string;
}

/** A plan as the taf service shows it to the caller (the lead sees every action, members their own). */
export interface Plan {
  id: string;
  familyId: string;
  version: number;
  relationship: string;
  status: string;
  levelOfNeed: number;
  openedAt: string;
  children: { givenName: string; familyName: string; dateOfBirth?: string; expectedDateOfBirth?: string }[];
  carers: { givenName: string; familyName: string; relationship: string }[];
  lead: { professional: PlanProfessional; since: string };
  pendingHandover?: {
    handoverId: string;
    proposedLead: PlanProfessional;
    proposedAt: string;
    familyPreference: { preference: string; note?: string };
  };
  members: {
    memberId: string;
    agencyId: string;
    agencyName: string;
    personId?: string;
    contactName: string;
    role: string;
    email?: string;
    phone?: string;
    joinedAt: string;
  }[];
  outcomes: { outcomeId: string; headlineOutcome: string; description: string }[];
  actions: {
    actionId: string;
    outcomeId: string;
    description: string;
    ownerAgencyId: string;
    ownerName?: string;
    dueDate: string;
    status: string;
    overdue: boolean;
  }[];
  reviewCadenceWeeks: number;
  nextReviewDate?: string;
  lastReviewDate?: string;
  agreement: { status: string; agreedAt: string; recordedAs: string; withdrawnAt?: string; withdrawalReason?: string };
  /** Whether there is an assessment, who it is shared with, and whether the caller may read it. */
  assessment?: { assessmentId: string; completedAt: string; sharedWithAgencyIds: string[]; readable: boolean };
  closedAt?: string;
  closure?: { reason: string; reasonText?: string };
}

export interface PersonRef {
  personId: string;
  name: string;
  agencyId: string;
}

export interface Review {
  reviewId: string;
  heldOn: string;
  attendees: { name: string; role: string; agencyId?: string }[];
  progress: { outcomeId: string; progress: string; note?: string }[];
  decisions: string;
  nextReviewDate: string;
  recordedBy: PersonRef;
  recordedAt: string;
}

export type NewReview = Omit<Review, 'reviewId' | 'recordedBy' | 'recordedAt' | 'nextReviewDate'> & {
  nextReviewDate?: string;
};

export interface AssessmentDomain {
  strengths: string;
  needs: string;
  headlineOutcomes: string[];
}

export interface AssessmentContent {
  completedAt: string;
  childDevelopment: AssessmentDomain;
  parentsAndCarers: AssessmentDomain;
  familyAndEnvironment: AssessmentDomain;
  familyView: string;
  childVoice: string;
  sharedWithAgencyIds: string[];
}

export interface Assessment extends AssessmentContent {
  assessmentId: string;
  completedBy: PersonRef;
}

export interface OutcomeChange {
  outcomeId?: string;
  headlineOutcome: string;
  description: string;
}

export interface NewAction {
  outcomeId: string;
  description: string;
  ownerAgencyId: string;
  ownerName?: string;
  dueDate: string;
}

export interface ActionUpdate {
  status?: string;
  dueDate?: string;
  note?: string;
}

/** The changes that close a plan or stop its sharing, each with the body its taf endpoint takes. */
export type ClosureChange =
  | { kind: 'step-up'; reason: string }
  | { kind: 'step-down'; reason: string }
  | { kind: 'close'; reason: string; reasonText?: string }
  | { kind: 'withdraw-agreement'; withdrawnAt: string; reason: string };

export interface TimelineItem {
  at: string;
  type: string;
  actor: { name?: string; agencyId?: string };
  summary: string;
}

export interface NewMember {
  agencyId: string;
  personId?: string;
  contactName: string;
  role: string;
  email?: string;
  phone?: string;
}

export interface HandoverProposal {
  /** The taf service names the agency itself, from the authority's reference data. */
  proposedLead: Omit<PlanProfessional, 'agencyName'>;
  familyPreference: { preference: string; note?: string };
  reason?: string;
}

@Injectable()
export class TafApi {
  constructor(private readonly clients: ServiceClients) {}

  async plan(caller: ApiCaller, planId: string): Promise<{ plan: Plan; etag: string }> {
    const response = await this.clients.taf.get<Plan>(caller, `/v1/plans/${encodeURIComponent(planId)}`);
    return { plan: response.body, etag: response.etag ?? `"${response.body.version}"` };
  }

  async timeline(caller: ApiCaller, planId: string): Promise<TimelineItem[]> {
    return (
      await this.clients.taf.get<{ items: TimelineItem[] }>(
        caller,
        `/v1/plans/${encodeURIComponent(planId)}/timeline`,
        { query: { limit: 100 } },
      )
    ).body.items;
  }

  async addMember(caller: ApiCaller, planId: string, version: string, member: NewMember): Promise<void> {
    await this.clients.taf.post(caller, `/v1/plans/${encodeURIComponent(planId)}/members`, {
      body: member,
      ifMatch: version,
    });
  }

  async proposeHandover(caller: ApiCaller, planId: string, version: string, proposal: HandoverProposal): Promise<void> {
    await this.clients.taf.post(caller, `/v1/plans/${encodeURIComponent(planId)}/handovers`, {
      body: proposal,
      ifMatch: version,
    });
  }

  async acceptHandover(caller: ApiCaller, planId: string, handoverId: string, version: string): Promise<void> {
    await this.clients.taf.post(
      caller,
      `/v1/plans/${encodeURIComponent(planId)}/handovers/${encodeURIComponent(handoverId)}/acceptance`,
      { ifMatch: version },
    );
  }

  async declineHandover(
    caller: ApiCaller,
    planId: string,
    handoverId: string,
    version: string,
    reason: string,
  ): Promise<void> {
    await this.clients.taf.post(
      caller,
      `/v1/plans/${encodeURIComponent(planId)}/handovers/${encodeURIComponent(handoverId)}/decline`,
      { body: { reason }, ifMatch: version },
    );
  }

  async agreeOutcomes(caller: ApiCaller, planId: string, version: string, outcomes: OutcomeChange[]): Promise<void> {
    await this.clients.taf.put(caller, `/v1/plans/${encodeURIComponent(planId)}/outcomes`, {
      body: { outcomes },
      ifMatch: version,
    });
  }

  async addAction(caller: ApiCaller, planId: string, version: string, action: NewAction): Promise<void> {
    await this.clients.taf.post(caller, `/v1/plans/${encodeURIComponent(planId)}/actions`, {
      body: action,
      ifMatch: version,
    });
  }

  async updateAction(
    caller: ApiCaller,
    planId: string,
    actionId: string,
    version: string,
    update: ActionUpdate,
  ): Promise<void> {
    await this.clients.taf.patch(
      caller,
      `/v1/plans/${encodeURIComponent(planId)}/actions/${encodeURIComponent(actionId)}`,
      { body: update, ifMatch: version },
    );
  }

  async reviews(caller: ApiCaller, planId: string): Promise<Review[]> {
    return (await this.clients.taf.get<{ items: Review[] }>(caller, `/v1/plans/${encodeURIComponent(planId)}/reviews`))
      .body.items;
  }

  /** Records a review and answers the plan after it (with the next review date taf settled on). */
  async recordReview(caller: ApiCaller, planId: string, version: string, review: NewReview): Promise<Plan> {
    return (
      await this.clients.taf.post<Plan>(caller, `/v1/plans/${encodeURIComponent(planId)}/reviews`, {
        body: review,
        ifMatch: version,
      })
    ).body;
  }

  async assessment(caller: ApiCaller, planId: string): Promise<Assessment> {
    return (await this.clients.taf.get<Assessment>(caller, `/v1/plans/${encodeURIComponent(planId)}/assessment`)).body;
  }

  async recordAssessment(
    caller: ApiCaller,
    planId: string,
    version: string,
    assessment: AssessmentContent,
  ): Promise<void> {
    await this.clients.taf.post(caller, `/v1/plans/${encodeURIComponent(planId)}/assessment`, {
      body: assessment,
      ifMatch: version,
    });
  }

  async recordClosureChange(caller: ApiCaller, planId: string, version: string, change: ClosureChange): Promise<void> {
    const { kind, ...body } = change;
    const path = {
      'step-up': 'step-up',
      'step-down': 'step-down',
      close: 'closure',
      'withdraw-agreement': 'agreement-withdrawal',
    }[kind];
    await this.clients.taf.post(caller, `/v1/plans/${encodeURIComponent(planId)}/${path}`, { body, ifMatch: version });
  }

  /** An agency leaves the plan: removed by the lead, or leaving itself (then it no longer sees the plan). */
  async removeMember(
    caller: ApiCaller,
    planId: string,
    memberId: string,
    version: string,
    reason: string,
  ): Promise<void> {
    await this.clients.taf.post(
      caller,
      `/v1/plans/${encodeURIComponent(planId)}/members/${encodeURIComponent(memberId)}/departure`,
      { body: { reason }, ifMatch: version },
    );
  }
}
