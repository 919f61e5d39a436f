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
}
