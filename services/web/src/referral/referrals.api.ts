import { Injectable } from '@nestjs/common';
import type { ApiCaller } from '../api/service-client.js';
import { ServiceClients } from '../api/service-clients.js';

export interface LevelOfNeedLabel {
  level: number;
  label: string;
  description: string;
}

/** The code lists a referral form needs, with the authority's own labels (GET /v1/reference). */
export interface ReferralReference {
  levelsOfNeed: LevelOfNeedLabel[];
  concernCategories: string[];
  lawfulBases: string[];
  agencies: { id: string; name: string; kind: string; receivesReferrals: boolean }[];
}

export interface ChildAnswer {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  expectedDateOfBirth?: string;
}

export interface CarerAnswer {
  givenName: string;
  familyName: string;
  relationship: string;
  phone?: string;
}

/** The body of POST /v1/referrals as the web sends it. */
export interface NewReferral {
  source: { kind: 'practitioner'; agencyId: string; name: string; role?: string };
  sourceCode: string;
  family: { children: ChildAnswer[]; carers: CarerAnswer[] };
  concerns: { summary: string; categories: string[] };
  proposedLevelOfNeed: number;
  consent: { status: string; sharingAgreed: boolean; lawfulBasis?: string; reason?: string };
  urgency: 'routine' | 'urgent';
}

/** A referral as the referrals service shows it to the caller (referrer's or receiving agency's view). */
export interface Referral {
  id: string;
  familyId: string;
  status: 'received' | 'decided' | 'withdrawn';
  version: number;
  receivedAt: string;
  decisionDueAt: string;
  sourceCode: string;
  source: { kind: string; agencyId?: string; name?: string; role?: string };
  receivingAgencyId: string;
  proposedLevelOfNeed: number;
  urgency: 'routine' | 'urgent';
  consent: NewReferral['consent'];
  concerns: NewReferral['concerns'];
  family: NewReferral['family'];
  linkedToReferralId?: string;
  outcome?: { outcome: string; levelOfNeed?: number; decidedAt: string };
  decision?: {
    outcome: string;
    levelOfNeed?: number;
    reasons: string;
    decidedAt: string;
    decidedBy?: { personId?: string; name?: string };
    allocatedWorkerId?: string;
    allocatedWorkerName?: string;
  };
  withdrawal?: { withdrawnAt: string; reason: string };
}

export interface TriageDecision {
  outcome: string;
  levelOfNeed: number;
  reasons: string;
  allocatedTeamId?: string;
  allocatedWorkerId?: string;
}

export interface ReferralPage {
  items: Referral[];
  nextCursor?: string;
}

@Injectable()
export class ReferralsApi {
  constructor(private readonly clients: ServiceClients) {}

  async reference(caller: ApiCaller): Promise<ReferralReference> {
    return (await this.clients.referrals.get<ReferralReference>(caller, '/v1/reference')).body;
  }

  /** Sends a referral once: the same idempotency key sent again returns the first answer. */
  async create(caller: ApiCaller, referral: NewReferral, idempotencyKey: string): Promise<Referral> {
    return (await this.clients.referrals.post<Referral>(caller, '/v1/referrals', { body: referral, idempotencyKey }))
      .body;
  }

  async get(caller: ApiCaller, id: string): Promise<{ referral: Referral; etag?: string }> {
    const response = await this.clients.referrals.get<Referral>(caller, `/v1/referrals/${encodeURIComponent(id)}`);
    return { referral: response.body, etag: response.etag };
  }

  async sentByMyAgency(caller: ApiCaller, query: { status?: string; cursor?: string }): Promise<ReferralPage> {
    return (await this.clients.referrals.get<ReferralPage>(caller, '/v1/referrals', { query })).body;
  }

  /** Awaiting a decision at my agency; the service answers oldest first, 100 at most a page. */
  async triageQueue(caller: ApiCaller, query: { urgency?: string; overdue?: boolean }): Promise<ReferralPage> {
    return (
      await this.clients.referrals.get<ReferralPage>(caller, '/v1/triage/queue', {
        query: { ...query, status: 'received', limit: 100 },
      })
    ).body;
  }

  async decide(caller: ApiCaller, id: string, version: string, decision: TriageDecision): Promise<void> {
    await this.clients.referrals.post(caller, `/v1/referrals/${encodeURIComponent(id)}/decision`, {
      body: decision,
      ifMatch: version,
    });
  }

  async withdraw(caller: ApiCaller, id: string, version: string, reason: string): Promise<void> {
    await this.clients.referrals.post(caller, `/v1/referrals/${encodeURIComponent(id)}/withdrawal`, {
      body: { reason },
      ifMatch: version,
    });
  }
}
