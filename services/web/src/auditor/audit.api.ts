import { Injectable } from '@nestjs/common';
import { ServiceClients, type ApiCaller } from '../api/service-clients.js';
import { answered } from '../officer/answered.js';

/**
 * Narrow local types for the audit service's answers, which its OpenAPI document does not describe yet
 * (the contracts helper is completing them); replace them with the generated types when they come.
 */
export interface AccessEntry {
  seq: number;
  eventId: string;
  accessedAt: string;
  who: { personId: string; name: string; agencyId: string; roles: string[] };
  what: { action: string; service: string; recordType: string; recordIds: string[] };
  why: { purpose?: string; lawfulBasis?: string };
  from: { ip?: string; userAgent?: string };
}

export interface VerificationReport {
  ok: boolean;
  tenant: string;
  entries: number;
  headHash: string;
  checkpointsChecked: number;
  latestCheckpoint?: { count: number; headHash: string; time: string; keyId: string };
  firstBroken?: { seq: number; problem: string; expected: string; found: string };
  durationMs: number;
}

export interface WaitSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface OverdueReferral {
  referralId: string;
  familyId: string;
  receivingAgencyId: string;
  receivedAt: string;
  decisionDueAt: string;
  hoursOverdue: number;
  decidedAt?: string;
}

export interface WaitingTimes {
  received: number;
  receiptToDecisionHours: WaitSummary;
  decisionToPlanDays: WaitSummary;
  receiptToPlanDays: WaitSummary;
  decidedWithinDeadline: number;
  decidedLate: number;
  awaitingPastDeadline: OverdueReferral[];
  decidedPastDeadline: OverdueReferral[];
}

export interface Checkpoint {
  statement: { tenant: string; count: number; headHash: string; time: string; keyId: string };
  signature: string;
}

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
    return body as unknown as { items: AccessEntry[]; nextCursor?: string };
  }

  async verification(caller: ApiCaller): Promise<VerificationReport> {
    const { body } = await answered(this.clients.audit(caller).GET('/v1/ledger/verification', {}));
    return body as unknown as VerificationReport;
  }

  async checkpoints(caller: ApiCaller): Promise<{ keyId: string; checkpoints: Checkpoint[] }> {
    const { body } = await answered(this.clients.audit(caller).GET('/v1/ledger/checkpoints', {}));
    return body as unknown as { keyId: string; checkpoints: Checkpoint[] };
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
    return body as unknown as WaitingTimes;
  }
}
