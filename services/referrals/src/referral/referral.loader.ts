import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import { relationshipTo, type ReferralRelationship } from '../access/referral-access.policy.js';
import { Referral } from './referral.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a referral only for a caller related to it, or holding a live break-glass grant for its family; to anyone
 * else it does not exist (404, not 403).
 */
@Injectable()
export class ReferralLoader {
  constructor(private readonly breakGlass: BreakGlassGrants) {}

  async forCaller(
    manager: EntityManager,
    caller: Caller,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<{ referral: Referral; relationship: ReferralRelationship }> {
    const notFound = ProblemException.notFound(`Referral ${id}`);
    if (!UUID.test(id)) throw notFound;
    const referral = await manager.findOne(Referral, {
      where: { id, tenant: caller.tenant },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!referral) throw notFound;
    const relationship = relationshipTo(caller, referral);
    if (relationship) return { referral, relationship };
    // No relationship: a live break-glass grant for the family lets the caller read it (and only read).
    if (await this.breakGlass.liveFor(caller, referral.familyId, manager))
      return { referral, relationship: 'break-glass' };
    throw notFound;
  }

  async forReceivingAgency(
    manager: EntityManager,
    caller: Caller,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<Referral> {
    const { referral, relationship } = await this.forCaller(manager, caller, id, options);
    if (relationship !== 'receiving-agency') {
      throw ProblemException.of(
        403,
        'receiving-agency-only',
        'Forbidden',
        'Only the receiving agency triages a referral',
      );
    }
    return referral;
  }
}
