import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { awaitingTriageViolations } from '../domain/triage-decision.rules.js';
import { ReferralLoader } from '../referral/referral.loader.js';
import { Referral } from '../referral/referral.entity.js';
import { referralWithdrawn } from '../referral/referral.events.js';

/** The referrer (or the receiving agency, on the referrer's word) withdraws a referral not yet triaged. */
@Injectable()
export class WithdrawReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: ReferralLoader,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, id: string, reason: string, ifMatch: string | undefined): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      const { referral, relationship } = await this.loader.forCaller(manager, caller, id, { lock: true });
      if (relationship === 'break-glass') {
        throw ProblemException.of(403, 'break-glass-read-only', 'Forbidden', 'A break-glass grant only lets you read', {
          errors: [{ field: 'caller', rule: 'isRelatedToReferral', message: 'a break-glass grant does not withdraw' }],
        });
      }
      requireIfMatch(ifMatch, referral.version);
      const [violation] = awaitingTriageViolations(referral.status);
      if (violation) {
        throw ProblemException.of(409, violation.rule, 'The referral cannot be withdrawn', violation.message, {
          errors: [violation],
        });
      }
      const now = this.clock.now();
      referral.status = 'withdrawn';
      referral.version += 1;
      referral.withdrawal = {
        reason,
        withdrawnAt: now.toISOString(),
        withdrawnBy: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId },
      };
      await manager.update(
        Referral,
        { id: referral.id },
        { status: referral.status, version: referral.version, withdrawal: referral.withdrawal },
      );
      await this.outbox.append(
        manager,
        referralWithdrawn(referral, { actor: caller.personId, actoragency: caller.agencyId }),
      );
      return referral;
    });
  }
}
