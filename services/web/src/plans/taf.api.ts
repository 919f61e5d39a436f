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
  nextReviewDate?: string;
  lastReviewDate?: string;
  agreement: { status: string };
}

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
}
