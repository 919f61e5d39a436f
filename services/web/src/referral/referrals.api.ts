import { Injectable } from '@nestjs/common';
import type { ReferralsApi as Api } from '@baton/api-client';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';

type Schemas = Api.components['schemas'];
export type LevelOfNeedLabel = Schemas['LevelOfNeedLabelView'];
/** The code lists a referral form needs, with the authority's own labels (GET /v1/reference). */
export type ReferralReference = Schemas['ReferralReferenceView'];
export type ChildAnswer = Schemas['ChildDto'];
export type CarerAnswer = Schemas['CarerDto'];
export type NewReferral = Schemas['CreateReferralDto'];
/** A referral as the referrals service shows it to the caller (referrer's or receiving agency's view). */
export type Referral = Schemas['ReferralView'];
export type TriageDecision = Schemas['DecideReferralDto'];
export type ReferralPage = Schemas['ReferralPage'];
type QueueQuery = NonNullable<Api.operations['TriageController_queue']['parameters']['query']>;

@Injectable()
export class ReferralsApi {
  constructor(private readonly clients: ServiceClients) {}

  async reference(caller: ApiCaller): Promise<ReferralReference> {
    return bodyOf(await this.clients.referrals(caller).GET('/v1/reference'));
  }

  /** Sends a referral once: the same idempotency key sent again returns the first answer. */
  async create(caller: ApiCaller, referral: NewReferral, idempotencyKey: string): Promise<Referral> {
    return bodyOf(
      await this.clients.referrals(caller).POST('/v1/referrals', {
        body: referral,
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      }),
    );
  }

  async get(caller: ApiCaller, id: string): Promise<{ referral: Referral; etag?: string }> {
    const answer = await this.clients.referrals(caller).GET('/v1/referrals/{id}', { params: { path: { id } } });
    return { referral: bodyOf(answer), etag: answer.response.headers.get('etag') ?? undefined };
  }

  async sentByMyAgency(
    caller: ApiCaller,
    query: { status?: Referral['status']; cursor?: string },
  ): Promise<ReferralPage> {
    return bodyOf(await this.clients.referrals(caller).GET('/v1/referrals', { params: { query } }));
  }

  /** Awaiting a decision at my agency; the service answers oldest first, 100 at most a page. */
  async triageQueue(caller: ApiCaller, query: Pick<QueueQuery, 'urgency' | 'overdue'>): Promise<ReferralPage> {
    return bodyOf(
      await this.clients.referrals(caller).GET('/v1/triage/queue', {
        params: { query: { ...query, status: 'received', limit: 100 } },
      }),
    );
  }

  async decide(caller: ApiCaller, id: string, version: string, decision: TriageDecision): Promise<void> {
    await this.clients.referrals(caller).POST('/v1/referrals/{id}/decision', {
      params: { path: { id }, header: { 'If-Match': version } },
      body: decision,
    });
  }

  async withdraw(caller: ApiCaller, id: string, version: string, reason: string): Promise<void> {
    await this.clients.referrals(caller).POST('/v1/referrals/{id}/withdrawal', {
      params: { path: { id }, header: { 'If-Match': version } },
      body: { reason },
    });
  }
}
