import { Injectable } from '@nestjs/common';
import type { AgencyViewsApi as Api } from '@baton/api-client';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';

export type AgencyFamilyView = Api.components['schemas']['AgencyFamilyView'];
export type FamilySummary = Api.components['schemas']['AgencyFamilySummaryView'];
export type FamilyPerson = Api.components['schemas']['FamilyChildView'];
export type FamilyQuery = NonNullable<Api.operations['FamilyController_list']['parameters']['query']>;

/**
 * Reads the agency's live view. Each read passes the person's own writes not yet seen here as `after=` (their
 * `Baton-Events`): the view answers only once it has applied them, so the page shows what they have just done,
 * without polling.
 */
@Injectable()
export class AgencyViewsApi {
  constructor(private readonly clients: ServiceClients) {}

  async families(caller: ApiCaller, query: FamilyQuery): Promise<Api.components['schemas']['AgencyFamilySummaryPage']> {
    return bodyOf(
      await this.clients.agencyViews(caller).GET('/v1/families', { params: { query: { ...query, ...after(caller) } } }),
    );
  }

  async family(caller: ApiCaller, familyId: string): Promise<AgencyFamilyView> {
    return bodyOf(
      await this.clients.agencyViews(caller).GET('/v1/families/{familyId}', {
        params: { path: { familyId }, query: after(caller) },
      }),
    );
  }
}

/** The read-your-writes condition: at most the 50 newest events, as many as agency-views takes. */
function after(caller: ApiCaller): { after?: string } {
  const unseen = caller.writes?.takeUnseen().slice(-50) ?? [];
  return unseen.length > 0 ? { after: unseen.join(',') } : {};
}
