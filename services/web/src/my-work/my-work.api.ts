import { Injectable } from '@nestjs/common';
import type { TafApi as Api } from '@baton/api-client';
import { ApiProblem } from '../api/api-errors.js';
import { bodyOf, ServiceClients, type ApiCaller } from '../api/service-clients.js';
import { AgencyViewsApi, type AgencyFamilyView, type FamilySummary } from '../families/agency-views.api.js';
import { InboxApi } from '../inbox/inbox.api.js';
import { TafApi, type Plan } from '../plans/taf.api.js';

export type PlanListItem = Api.components['schemas']['PlanListItemView'];

const HANDOVER_PROPOSED = 'baton.plan.lead-handover-proposed.v1';
/** The families whose actions My work lists: each is one read of the family (and one access record). */
export const FAMILIES_WITH_ACTIONS_SHOWN = 10;

export interface MyWorkData {
  plans: PlanListItem[];
  /** Families of my agency with open actions, overdue first, each with its actions, and how many more there are. */
  actions: { families: AgencyFamilyView[]; moreFamilies: number };
  /** Plans with a handover proposed to me and not yet answered. */
  handovers: Plan[];
}

/**
 * What My work reads: taf's plans I lead or my agency is on, my agency's families with open actions (the agency
 * views), and the handovers proposed to me (the notifications I was sent, each checked against the plan itself).
 */
@Injectable()
export class MyWorkApi {
  constructor(
    private readonly clients: ServiceClients,
    private readonly views: AgencyViewsApi,
    private readonly inbox: InboxApi,
    private readonly taf: TafApi,
  ) {}

  async read(caller: ApiCaller, personId: string): Promise<MyWorkData> {
    const [plans, actions, handovers] = await Promise.all([
      this.openPlans(caller),
      this.familiesWithActions(caller),
      this.handoversToMe(caller, personId),
    ]);
    return { plans, actions, handovers };
  }

  private async openPlans(caller: ApiCaller): Promise<PlanListItem[]> {
    const answer = await this.clients
      .taf(caller)
      .GET('/v1/plans', { params: { query: { status: 'open', limit: 100 } } });
    return bodyOf(answer).items;
  }

  private async familiesWithActions(caller: ApiCaller): Promise<MyWorkData['actions']> {
    const { items } = await this.views.families(caller, { limit: 100 });
    const withActions = items
      .filter((f: FamilySummary) => f.openActions > 0)
      .sort((a, b) => b.overdueActions - a.overdueActions);
    const shown = withActions.slice(0, FAMILIES_WITH_ACTIONS_SHOWN);
    const families = await Promise.all(shown.map((f) => this.views.family(caller, f.familyId)));
    return { families, moreFamilies: withActions.length - shown.length };
  }

  private async handoversToMe(caller: ApiCaller, personId: string): Promise<Plan[]> {
    const { items } = await this.inbox.list(caller, { limit: 100 });
    const planIds = new Set(items.filter((i) => i.eventType === HANDOVER_PROPOSED).flatMap((i) => planIdOf(i.event)));
    // The notification says a handover was proposed; the plan says whether it still waits for me.
    const plans = await Promise.all(
      [...planIds].map((id) => this.taf.plan(caller, id).then(({ plan }) => plan, notVisible)),
    );
    return plans.filter(
      (p): p is Plan => p !== undefined && p.status === 'open' && p.pendingHandover?.proposedLead.personId === personId,
    );
  }
}

/** The plan a notification's event is about (the event as the person may see it: a CloudEvent, its data minimised). */
function planIdOf(event: Record<string, unknown>): string[] {
  const data = event.data as { planId?: unknown } | undefined;
  return typeof data?.planId === 'string' ? [data.planId] : [];
}

/** A plan the person may no longer see (they declined, or left) is simply not waiting for them. */
function notVisible(error: unknown): undefined {
  if (error instanceof ApiProblem && error.status === 404) return undefined;
  throw error;
}
