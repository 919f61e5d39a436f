import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { TenantDirectory } from '@baton/tenancy';
import {
  allocatingAgencies,
  allocationViolations,
  awaitingTriageViolations,
  decisionViolations,
} from '../domain/triage-decision.rules.js';
import type { RuleViolation } from '../domain/rule-violation.js';
import { ReferralLoader } from '../referral/referral.loader.js';
import { Referral } from '../referral/referral.entity.js';
import { referralDecided } from '../referral/referral.events.js';
import type { DecideReferralDto } from './dto/decide-referral.dto.js';

/**
 * Records the receiving team's triage decision: signpost, accept for early help (the TAF service opens
 * a plan from the event), step up to children's social care (urgent), or no further action.
 */
@Injectable()
export class DecideReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: ReferralLoader,
    private readonly tenants: TenantDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, id: string, dto: DecideReferralDto, ifMatch: string | undefined): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      const referral = await this.loader.forReceivingAgency(manager, caller, id, { lock: true });
      requireIfMatch(ifMatch, referral.version);
      const tenant = this.tenants.requireTenant(caller.tenant);
      const worker = dto.allocatedWorkerId ? this.tenants.person(tenant, dto.allocatedWorkerId) : undefined;
      const violations: RuleViolation[] = [
        ...awaitingTriageViolations(referral.status),
        ...decisionViolations(dto.outcome, dto.levelOfNeed),
        ...allocationViolations(
          dto.allocatedWorkerId,
          worker,
          allocatingAgencies(dto.outcome, referral.receivingAgencyId, tenant.agencies),
        ),
      ];
      if (dto.allocatedTeamId && !this.tenants.team(caller.tenant, dto.allocatedTeamId)) {
        violations.push({
          field: 'allocatedTeamId',
          rule: 'isKnownTeam',
          message: `${dto.allocatedTeamId} is not a team of ${caller.tenant}`,
        });
      }
      if (violations.length > 0) {
        const status = violations[0].rule === 'isAwaitingTriage' ? 409 : 422;
        throw ProblemException.of(
          status,
          violations[0].rule,
          'The decision cannot be recorded',
          violations[0].message,
          {
            errors: violations,
          },
        );
      }
      const now = this.clock.now();
      referral.status = 'decided';
      referral.version += 1;
      referral.decidedAt = now;
      referral.decision = {
        outcome: dto.outcome,
        levelOfNeed: dto.levelOfNeed,
        reasons: dto.reasons,
        decidedAt: now.toISOString(),
        decidedBy: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId },
        ...(dto.allocatedTeamId ? { allocatedTeamId: dto.allocatedTeamId } : {}),
        ...(worker ? { allocatedWorkerId: worker.personId, allocatedWorkerName: worker.name } : {}),
      };
      await manager.update(
        Referral,
        { id: referral.id },
        { status: referral.status, version: referral.version, decidedAt: now, decision: referral.decision },
      );
      await this.outbox.append(
        manager,
        referralDecided(referral, { actor: caller.personId, actoragency: caller.agencyId }),
      );
      return referral;
    });
  }
}
