import type { PlanHandoverRow } from '../lead/plan-handover.entity.js';
import type { PlanLeadRow } from '../lead/plan-lead.entity.js';
import type { PlanMemberRow } from '../membership/plan-member.entity.js';
import type { PlanActionRow } from '../work/plan-action.entity.js';
import type { Plan } from './plan.entity.js';

/** A plan with what every view and every event needs: its current lead, members, actions and pending handover. */
export interface PlanState {
  plan: Plan;
  lead: PlanLeadRow;
  /** Current members only (not those who left). */
  members: PlanMemberRow[];
  actions: PlanActionRow[];
  pendingHandover?: PlanHandoverRow;
}
