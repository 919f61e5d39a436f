import { Injectable } from '@nestjs/common';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';
import type { TimelineItem } from '../plans/taf.api.js';

/** Everything that happened in a family's plans, from taf (oldest first, as it answers). */
@Injectable()
export class FamilyTimelineApi {
  constructor(private readonly clients: ServiceClients) {}

  async ofFamily(caller: ApiCaller, familyId: string): Promise<TimelineItem[]> {
    const answer = await this.clients.taf(caller).GET('/v1/families/{familyId}/timeline', {
      params: { path: { familyId }, query: { limit: 100 } },
    });
    return bodyOf(answer).items;
  }
}
