import { Injectable } from '@nestjs/common';
import type { AuditApi as Api } from '@baton/api-client';
import { ServiceClients, type ApiCaller } from '../api/service-clients.js';
import { answered } from '../officer/answered.js';

type Schemas = Api.components['schemas'];
export type AccessEntry = Schemas['AccessView'];
export type VerificationReport = Schemas['VerificationReportView'];
export type Checkpoints = Schemas['CheckpointListView'];
export type WaitSummary = Schemas['WaitSummaryView'];
export type OverdueReferral = Schemas['OverdueReferralView'];
export type WaitingTimes = Schemas['WaitingTimesView'];

/** The audit service as the authority's auditor (and managers, for their own families) read it. */
@Injectable()
export class AuditApi {
  constructor(private readonly clients: ServiceClients) {}

  async familyAccesses(
    caller: ApiCaller,
    familyId: string,
    cursor?: string,
  ): Promise<{ items: AccessEntry[]; nextCursor?: string }> {
    const { body } = await answered(
      this.clients.audit(caller).GET('/v1/audit/families/{familyId}/accesses', {
        params: { path: { familyId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    return body;
  }

  async verification(caller: ApiCaller): Promise<VerificationReport> {
    const { body } = await answered(this.clients.audit(caller).GET('/v1/ledger/verification', {}));
    return body;
  }

  async checkpoints(caller: ApiCaller): Promise<Checkpoints> {
    const { body } = await answered(this.clients.audit(caller).GET('/v1/ledger/checkpoints', {}));
    return body;
  }

  /** An Ofsted Annex A list as the audit service writes it in CSV (the one formula-safe writer), passed on as it is. */
  async annexACsv(caller: ApiCaller, list: 1 | 2 | 3, from: string, to: string): Promise<string> {
    const { body } = await answered(
      this.clients.audit(caller).GET('/v1/reports/annex-a/{list}', {
        params: { path: { list }, query: { from, to, format: 'csv' } },
        parseAs: 'text',
      }),
    );
    return String(body ?? '');
  }

  async waitingTimes(caller: ApiCaller, from: string, to: string): Promise<WaitingTimes> {
    const { body } = await answered(
      this.clients.audit(caller).GET('/v1/reports/waiting-times', { params: { query: { from, to } } }),
    );
    return body as Exclude<typeof body, string>;
  }
}
