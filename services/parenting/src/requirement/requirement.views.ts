import type { OrderRequirementSummary } from '@baton/contracts';
import type { OrderRequirement } from './order-requirement.entity.js';

export function requirementSummary(r: OrderRequirement): OrderRequirementSummary {
  return Object.assign(
    { requirementId: r.id, kind: r.kind, description: r.description, startsOn: r.startsOn, endsOn: r.endsOn },
    r.setting ? { setting: r.setting } : {},
  );
}
