import { Injectable } from '@nestjs/common';
import { AgencyViewsApi, type FamilySummary } from '../families/agency-views.api.js';
import { longDate } from '../layout/dates.js';
import type { ApiCaller } from '../api/service-clients.js';
import type { Referral } from '../referral/referrals.api.js';

/** A child of the referral already in an open plan, as the triager's agency views show it. */
export interface ChildInOpenPlan {
  child: string;
  familyId: string;
  lead?: string;
}

/**
 * Whether a referral's children are already in an open plan (DOMAIN.md: such a referral goes to that plan's lead
 * professional, not to a second plan): each born child looked up in the triager's agency views by name and date
 * of birth. Only what the triager's agency may see is found; taf itself refuses a second plan either way.
 */
@Injectable()
export class OpenPlanCheck {
  constructor(private readonly views: AgencyViewsApi) {}

  /** Asked while the referral waits for its decision: afterwards its own plan would be found. */
  async childrenInOpenPlans(caller: ApiCaller, referral: Referral): Promise<ChildInOpenPlan[]> {
    if (referral.status !== 'received') return [];
    const born = referral.family.children.filter((c) => c.dateOfBirth);
    const found = await Promise.all(
      born.map(async (c) => {
        const { items } = await this.views.families(caller, {
          name: `${c.givenName} ${c.familyName}`,
          childDateOfBirth: c.dateOfBirth,
        });
        const open = items.find((f: FamilySummary) => f.planStatus === 'open');
        return open
          ? {
              child: `${c.givenName} ${c.familyName}, born ${longDate(c.dateOfBirth)}`,
              familyId: open.familyId,
              ...(open.leadProfessional
                ? { lead: `${open.leadProfessional.name}, ${open.leadProfessional.agencyName}` }
                : {}),
            }
          : undefined;
      }),
    );
    return found.filter((f): f is ChildInOpenPlan => f !== undefined);
  }
}
