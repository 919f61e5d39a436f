import { Injectable } from '@nestjs/common';
import type { ParentingApi as Api } from '@baton/api-client';
import { ApiProblem, ServiceUnavailable } from '../api/api-errors.js';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';
import type { AgencyFamilyView } from './agency-views.api.js';

export type ParentingOrder = Api.components['schemas']['ParentingOrderView'];
export type ParentingContract = Api.components['schemas']['ParentingContractView'];

export interface FamilyParenting {
  orders: ParentingOrder[];
  contracts: ParentingContract[];
  /** The parenting service did not answer: the family page says so rather than failing. */
  unavailable: boolean;
}

/**
 * A family's orders and contracts as the parenting service lets the caller see them, with their state in its
 * words. Asked only when the agency views list some for the caller's agency; each is confirmed by parenting
 * itself, so the family page never links to a record that would answer "not found".
 */
@Injectable()
export class FamilyParentingApi {
  constructor(private readonly clients: ServiceClients) {}

  async ofFamily(caller: ApiCaller, view: AgencyFamilyView): Promise<FamilyParenting> {
    const records = view.parenting ?? [];
    if (records.length === 0) return { orders: [], contracts: [], unavailable: false };
    try {
      const [orders, contracts] = await Promise.all([
        records.some((r) => r.kind === 'order') ? this.orders(caller, view.familyId) : [],
        Promise.all(records.filter((r) => r.kind === 'contract').map((r) => this.contract(caller, r.id))),
      ]);
      return {
        orders,
        contracts: contracts.filter((c): c is ParentingContract => c !== undefined),
        unavailable: false,
      };
    } catch (error) {
      if (error instanceof ServiceUnavailable) return { orders: [], contracts: [], unavailable: true };
      throw error;
    }
  }

  private async orders(caller: ApiCaller, familyId: string): Promise<ParentingOrder[]> {
    try {
      const answer = await this.clients
        .parenting(caller)
        .GET('/v1/orders', { params: { query: { familyId, limit: 100 } } });
      return bodyOf(answer).items;
    } catch (error) {
      // A role that may not list orders sees none here.
      if (error instanceof ApiProblem && error.status === 403) return [];
      throw error;
    }
  }

  private async contract(caller: ApiCaller, id: string): Promise<ParentingContract | undefined> {
    try {
      return bodyOf(await this.clients.parenting(caller).GET('/v1/contracts/{id}', { params: { path: { id } } }));
    } catch (error) {
      if (error instanceof ApiProblem && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }
}
