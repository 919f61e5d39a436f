import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ParentingApi as Api } from '@baton/api-client';
import { ServiceClients, type ApiCaller } from '../api/service-clients.js';
import { answered } from './answered.js';

type Schemas = Api.components['schemas'];
export type OrderView = Schemas['ParentingOrderView'];
export type EnforcementCase = Schemas['EnforcementCaseView'];
export type MakeOrder = Schemas['MakeOrderDto'];
export type Requirement = Schemas['RequirementDto'];
export type RecordCompliance = Schemas['RecordComplianceDto'];
export type RecordContact = Schemas['RecordContactDto'];
export type DecideBreach = Schemas['DecideBreachDto'];
export type ContractView = Schemas['ParentingContractView'];
export type DraftContract = Schemas['DraftContractDto'];
export type OfferContract = Schemas['OfferContractDto'];
export type SignContract = Schemas['SignContractDto'];
export type RefuseContract = Schemas['RefuseContractDto'];
export type ContractBreach = Schemas['RecordContractBreachDto'];
export type ContractReview = Schemas['ReviewContractDto'];
export type EndContractEarly = Schemas['EndContractEarlyDto'];

/** A programme's sessions, as the holder sees them under the requirement (not yet in the OpenAPI document). */
export interface Session {
  id: string;
  startsAt: string;
  endsAt: string;
}
export type OrderRequirement = Schemas['OrderRequirementSummary'] & { sessions?: Session[] };
/** A timeline entry, its actor narrowed to the person reference the service writes. */
export type TimelineEntry = Schemas['OrderTimelineEntryView'] & {
  actor: { personId?: string; name?: string; agencyId?: string };
};
export type ParentingException = Schemas['AuditExceptionView'];
export type ConsistencyRow = Schemas['AgencyConsistencyView'];

@Injectable()
export class ParentingApi {
  constructor(private readonly clients: ServiceClients) {}

  async heldOrders(caller: ApiCaller): Promise<OrderView[]> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/orders', { params: { query: { limit: 200 } } }),
    );
    return (body as Exclude<typeof body, string>).items;
  }

  async order(caller: ApiCaller, orderId: string): Promise<{ order: OrderView; etag: string }> {
    const { body, etag } = await answered(
      this.clients.parenting(caller).GET('/v1/orders/{id}', { params: { path: { id: orderId } } }),
    );
    return { order: body, etag: etag ?? `"${body.version}"` };
  }

  async timeline(caller: ApiCaller, orderId: string): Promise<TimelineEntry[]> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/orders/{id}/timeline', { params: { path: { id: orderId } } }),
    );
    return body.entries as TimelineEntry[];
  }

  /** Records the order; the key makes a sent-twice form (Back, then Send again) one order. */
  async makeOrder(caller: ApiCaller, order: MakeOrder, idempotencyKey: string = randomUUID()): Promise<OrderView> {
    const { body } = await answered(
      this.clients.parenting(caller).POST('/v1/orders', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: order,
      }),
    );
    return body;
  }

  async scheduleSession(caller: ApiCaller, orderId: string, session: Schemas['ScheduleSessionDto']): Promise<void> {
    await answered(
      this.clients.parenting(caller).POST('/v1/orders/{orderId}/sessions', {
        params: { path: { orderId } },
        body: session,
      }),
    );
  }

  async recordCompliance(caller: ApiCaller, orderId: string, compliance: RecordCompliance): Promise<void> {
    await answered(
      this.clients.parenting(caller).POST('/v1/orders/{orderId}/compliance', {
        params: { path: { orderId } },
        body: compliance,
      }),
    );
  }

  async recordContact(
    caller: ApiCaller,
    orderId: string,
    caseId: string,
    version: string,
    contact: RecordContact,
  ): Promise<void> {
    await answered(
      this.clients.parenting(caller).POST('/v1/orders/{orderId}/enforcement/{caseId}/contact', {
        params: { path: { orderId, caseId }, header: { 'If-Match': version } },
        body: contact,
      }),
    );
  }

  async decide(caller: ApiCaller, orderId: string, caseId: string, version: string, decision: DecideBreach) {
    await answered(
      this.clients.parenting(caller).POST('/v1/orders/{orderId}/enforcement/{caseId}/decision', {
        params: { path: { orderId, caseId }, header: { 'If-Match': version } },
        body: decision,
      }),
    );
  }

  async approve(
    caller: ApiCaller,
    orderId: string,
    caseId: string,
    version: string,
    approval: Schemas['ApproveProsecutionDto'],
  ) {
    await answered(
      this.clients.parenting(caller).POST('/v1/orders/{orderId}/enforcement/{caseId}/approval', {
        params: { path: { orderId, caseId }, header: { 'If-Match': version } },
        body: approval,
      }),
    );
  }

  async exceptions(caller: ApiCaller, kind?: string): Promise<ParentingException[]> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/audit/exceptions', {
        params: { query: { ...(kind ? { kind: kind as never } : {}), limit: 1000 } },
      }),
    );
    return (body as Exclude<typeof body, string>).items;
  }

  /** The exceptions as the service writes them in CSV (its one safe writer): passed on as they are. */
  async exceptionsCsv(caller: ApiCaller, kind?: string): Promise<string> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/audit/exceptions', {
        params: { query: { ...(kind ? { kind: kind as never } : {}), format: 'csv', limit: 1000 } },
        parseAs: 'text',
      }),
    );
    return String(body ?? '');
  }

  async consistency(caller: ApiCaller, from: string, to: string): Promise<ConsistencyRow[]> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/audit/consistency', { params: { query: { from, to } } }),
    );
    return body.agencies;
  }

  async draftContract(caller: ApiCaller, contract: DraftContract, idempotencyKey: string = randomUUID()) {
    const { body } = await answered(
      this.clients.parenting(caller).POST('/v1/contracts', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: contract,
      }),
    );
    return body;
  }

  async contract(caller: ApiCaller, id: string): Promise<{ contract: ContractView; etag: string }> {
    const { body, etag } = await answered(
      this.clients.parenting(caller).GET('/v1/contracts/{id}', { params: { path: { id } } }),
    );
    return { contract: body, etag: etag ?? `"${body.version}"` };
  }

  async contractEvidence(caller: ApiCaller, id: string): Promise<Schemas['ContractEvidenceView']> {
    const { body } = await answered(
      this.clients.parenting(caller).GET('/v1/contracts/{id}/evidence', { params: { path: { id } } }),
    );
    return body;
  }

  /** One step of a contract's life (`offer`, `signature`, `refusal`, `breaches`, `reviews`, `completion`, `early-end`). */
  async contractStep(caller: ApiCaller, id: string, step: ContractStepName, version: string, body: unknown) {
    const client = this.clients.parenting(caller);
    const params = { path: { id }, header: { 'If-Match': version } };
    const sent = {
      offer: () => client.POST('/v1/contracts/{id}/offer', { params, body: body as OfferContract }),
      signature: () => client.POST('/v1/contracts/{id}/signature', { params, body: body as SignContract }),
      refusal: () => client.POST('/v1/contracts/{id}/refusal', { params, body: body as RefuseContract }),
      breaches: () => client.POST('/v1/contracts/{id}/breaches', { params, body: body as ContractBreach }),
      reviews: () => client.POST('/v1/contracts/{id}/reviews', { params, body: body as ContractReview }),
      completion: () =>
        client.POST('/v1/contracts/{id}/completion', { params, body: body as Schemas['CompleteContractDto'] }),
      'early-end': () => client.POST('/v1/contracts/{id}/early-end', { params, body: body as EndContractEarly }),
    }[step];
    await answered(sent() as Promise<{ data?: unknown; error?: unknown; response: Response }>);
  }
}

export type ContractStepName = 'offer' | 'signature' | 'refusal' | 'breaches' | 'reviews' | 'completion' | 'early-end';
