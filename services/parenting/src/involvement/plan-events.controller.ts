import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PlanEvents, type CloudEvent, type PlanSnapshot } from '@baton/contracts';
import { OnEvent, type JetStreamContext } from '@baton/messaging';

/** The parts of every plan event this service keeps: the plan, its family and the plan as it now stands. */
interface PlanFacts {
  planId: string;
  familyId: string;
  planVersion: number;
  plan: PlanSnapshot;
}

/**
 * Keeps this service's copy of each family's TAF plan — its lead professional and member agencies —
 * from the taf service's events, which decides what the lead professional and plan members may see
 * of an order or contract. Each handler runs in one transaction with the inbox row (effectively
 * once); an event older than the copy held is ignored, so order of arrival does not matter.
 */
@Controller()
export class PlanEventsController {
  @OnEvent(PlanEvents.opened)
  onOpened(@Payload() event: CloudEvent<PlanFacts>, @Ctx() ctx: JetStreamContext): Promise<void> {
    return keepPlan(event, ctx);
  }

  @OnEvent(PlanEvents.leadChanged)
  onLeadChanged(@Payload() event: CloudEvent<PlanFacts>, @Ctx() ctx: JetStreamContext): Promise<void> {
    return keepPlan(event, ctx);
  }

  @OnEvent(PlanEvents.memberJoined)
  onMemberJoined(@Payload() event: CloudEvent<PlanFacts>, @Ctx() ctx: JetStreamContext): Promise<void> {
    return keepPlan(event, ctx);
  }

  @OnEvent(PlanEvents.memberLeft)
  onMemberLeft(@Payload() event: CloudEvent<PlanFacts>, @Ctx() ctx: JetStreamContext): Promise<void> {
    return keepPlan(event, ctx);
  }

  @OnEvent(PlanEvents.closed)
  onClosed(@Payload() event: CloudEvent<PlanFacts>, @Ctx() ctx: JetStreamContext): Promise<void> {
    return keepPlan(event, ctx);
  }
}

async function keepPlan(event: CloudEvent<PlanFacts>, ctx: JetStreamContext): Promise<void> {
  const { planId, familyId, planVersion, plan } = event.data;
  const lead = plan.lead.professional;
  await ctx.manager.query(
    `INSERT INTO family_plan (plan_id, tenant, family_id, open, lead_person_id, lead_agency_id, member_agency_ids, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (plan_id) DO UPDATE
       SET open = excluded.open, lead_person_id = excluded.lead_person_id, lead_agency_id = excluded.lead_agency_id,
           member_agency_ids = excluded.member_agency_ids, version = excluded.version
     WHERE family_plan.version < excluded.version`,
    [
      planId,
      event.tenant,
      familyId,
      plan.status === 'open',
      lead.personId,
      lead.agencyId,
      [...new Set([lead.agencyId, ...plan.members.map((m) => m.agencyId)])],
      planVersion,
    ],
  );
}
