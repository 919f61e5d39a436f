import { Injectable } from '@nestjs/common';
import type { ApiCaller } from '../api/service-client.js';
import { ServiceClients } from '../api/service-clients.js';

export interface FamilyPerson {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  expectedDateOfBirth?: string;
  relationship?: string;
}

export interface LeadProfessional {
  personId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  role: string;
  contact: { email?: string; phone?: string };
  since: string;
}

/** One family as my agency sees it in the agency-views read model. */
export interface AgencyFamilyView {
  familyId: string;
  relationships: string[];
  children: FamilyPerson[];
  carers: FamilyPerson[];
  levelOfNeed?: number;
  leadProfessional?: LeadProfessional;
  plan?: {
    planId: string;
    status: string;
    openedAt: string;
    nextReviewDue?: string;
    reviewOverdue: boolean;
    members: {
      agencyId: string;
      agencyName: string;
      contactName: string;
      role: string;
      contact: { email?: string; phone?: string };
    }[];
    outcomes: { outcomeId: string; headlineOutcome: string; description: string }[];
    proposedLead?: { name: string; agencyName: string; proposedAt: string };
  };
  actions: { open: FamilyAction[]; overdue: FamilyAction[] };
  openReferrals: { referralId: string; decisionOverdue: boolean; decisionDueAt?: string }[];
}

export interface FamilyAction {
  actionId: string;
  description: string;
  dueDate: string;
  status: string;
}

export interface FamilySummary {
  familyId: string;
  children: FamilyPerson[];
  levelOfNeed?: number;
  leadProfessional?: { name: string; agencyName: string };
  planStatus?: string;
  nextReviewDue?: string;
  openActions: number;
  overdueActions: number;
  openReferrals: number;
  hasOrder?: boolean;
}

export interface FamilyQuery {
  name?: string;
  childDateOfBirth?: string;
  overdueActions?: boolean;
  reviewDueWithinDays?: number;
  levelOfNeed?: number;
  hasOrder?: boolean;
  cursor?: string;
}

@Injectable()
export class AgencyViewsApi {
  constructor(private readonly clients: ServiceClients) {}

  async families(caller: ApiCaller, query: FamilyQuery): Promise<{ items: FamilySummary[]; nextCursor?: string }> {
    return (
      await this.clients.agencyViews.get<{ items: FamilySummary[]; nextCursor?: string }>(caller, '/v1/families', {
        query: { ...query },
      })
    ).body;
  }

  async family(caller: ApiCaller, familyId: string): Promise<AgencyFamilyView> {
    return (
      await this.clients.agencyViews.get<AgencyFamilyView>(caller, `/v1/families/${encodeURIComponent(familyId)}`)
    ).body;
  }
}
