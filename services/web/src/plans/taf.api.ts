import { Injectable } from '@nestjs/common';
import type { TafApi as Api } from '@baton/api-client';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';

type Schemas = Api.components['schemas'];
export type PlanProfessional = Schemas['PlanProfessional'];
/** A plan as the taf service shows it to the caller (the lead sees every action, members their own). */
export type Plan = Schemas['PlanView'];
export type TimelineItem = Schemas['TimelineItemView'];
export type NewMember = Schemas['MemberDto'];
/** The taf service names the agency itself, from the authority's reference data. */
export type HandoverProposal = Schemas['ProposeHandoverDto'];
export type PersonRef = Schemas['PersonRefView'];
export type Review = Schemas['ReviewView'];
export type NewReview = Schemas['RecordReviewDto'];
export type AssessmentDomain = Schemas['AssessmentDomainDto'];
export type AssessmentContent = Schemas['RecordAssessmentDto'];
export type Assessment = Schemas['AssessmentView'];
export type OutcomeChange = Schemas['OutcomeDto'];
export type NewAction = Schemas['AddActionDto'];
export type ActionUpdate = Schemas['UpdateActionDto'];

/** The changes that close a plan or stop its sharing, each with the body its taf endpoint takes. */
export type ClosureChange =
  | ({ kind: 'step-up' } & Schemas['StepUpDto'])
  | ({ kind: 'step-down' } & Schemas['StepDownDto'])
  | ({ kind: 'close' } & Schemas['ClosePlanDto'])
  | ({ kind: 'withdraw-agreement' } & Schemas['WithdrawAgreementDto']);

@Injectable()
export class TafApi {
  constructor(private readonly clients: ServiceClients) {}

  async plan(caller: ApiCaller, planId: string): Promise<{ plan: Plan; etag: string }> {
    const answer = await this.clients.taf(caller).GET('/v1/plans/{id}', { params: { path: { id: planId } } });
    const plan = bodyOf(answer);
    return { plan, etag: answer.response.headers.get('etag') ?? `"${plan.version}"` };
  }

  async timeline(caller: ApiCaller, planId: string): Promise<TimelineItem[]> {
    const answer = await this.clients.taf(caller).GET('/v1/plans/{id}/timeline', {
      params: { path: { id: planId }, query: { limit: 100 } },
    });
    return bodyOf(answer).items;
  }

  async addMember(caller: ApiCaller, planId: string, version: string, member: NewMember): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/members', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: member,
    });
  }

  async proposeHandover(caller: ApiCaller, planId: string, version: string, proposal: HandoverProposal): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/handovers', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: proposal,
    });
  }

  async acceptHandover(caller: ApiCaller, planId: string, handoverId: string, version: string): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/handovers/{handoverId}/acceptance', {
      params: { path: { planId, handoverId }, header: { 'If-Match': version } },
    });
  }

  async declineHandover(
    caller: ApiCaller,
    planId: string,
    handoverId: string,
    version: string,
    reason: string,
  ): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/handovers/{handoverId}/decline', {
      params: { path: { planId, handoverId }, header: { 'If-Match': version } },
      body: { reason },
    });
  }

  async agreeOutcomes(caller: ApiCaller, planId: string, version: string, outcomes: OutcomeChange[]): Promise<void> {
    await this.clients.taf(caller).PUT('/v1/plans/{planId}/outcomes', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: { outcomes },
    });
  }

  async addAction(caller: ApiCaller, planId: string, version: string, action: NewAction): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/actions', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: action,
    });
  }

  async updateAction(
    caller: ApiCaller,
    planId: string,
    actionId: string,
    version: string,
    update: ActionUpdate,
  ): Promise<void> {
    await this.clients.taf(caller).PATCH('/v1/plans/{planId}/actions/{actionId}', {
      params: { path: { planId, actionId }, header: { 'If-Match': version } },
      body: update,
    });
  }

  async reviews(caller: ApiCaller, planId: string): Promise<Review[]> {
    const answer = await this.clients.taf(caller).GET('/v1/plans/{planId}/reviews', { params: { path: { planId } } });
    return bodyOf(answer).items;
  }

  /** Records a review and answers the plan after it (with the next review date taf settled on). */
  async recordReview(caller: ApiCaller, planId: string, version: string, review: NewReview): Promise<Plan> {
    const answer = await this.clients.taf(caller).POST('/v1/plans/{planId}/reviews', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: review,
    });
    return bodyOf(answer);
  }

  async assessment(caller: ApiCaller, planId: string): Promise<Assessment> {
    const answer = await this.clients.taf(caller).GET('/v1/plans/{planId}/assessment', {
      params: { path: { planId } },
    });
    return bodyOf(answer);
  }

  async recordAssessment(
    caller: ApiCaller,
    planId: string,
    version: string,
    assessment: AssessmentContent,
  ): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/assessment', {
      params: { path: { planId }, header: { 'If-Match': version } },
      body: assessment,
    });
  }

  async recordClosureChange(caller: ApiCaller, planId: string, version: string, change: ClosureChange): Promise<void> {
    const taf = this.clients.taf(caller);
    const params = { path: { planId }, header: { 'If-Match': version } };
    switch (change.kind) {
      case 'step-up': {
        const { kind: _kind, ...body } = change;
        await taf.POST('/v1/plans/{planId}/step-up', { params, body });
        return;
      }
      case 'step-down': {
        const { kind: _kind, ...body } = change;
        await taf.POST('/v1/plans/{planId}/step-down', { params, body });
        return;
      }
      case 'close': {
        const { kind: _kind, ...body } = change;
        await taf.POST('/v1/plans/{planId}/closure', { params, body });
        return;
      }
      case 'withdraw-agreement': {
        const { kind: _kind, ...body } = change;
        await taf.POST('/v1/plans/{planId}/agreement-withdrawal', { params, body });
        return;
      }
    }
  }

  /** An agency leaves the plan: removed by the lead, or leaving itself (then it no longer sees the plan). */
  async removeMember(
    caller: ApiCaller,
    planId: string,
    memberId: string,
    version: string,
    reason: string,
  ): Promise<void> {
    await this.clients.taf(caller).POST('/v1/plans/{planId}/members/{memberId}/departure', {
      params: { path: { planId, memberId }, header: { 'If-Match': version } },
      body: { reason },
    });
  }
}
