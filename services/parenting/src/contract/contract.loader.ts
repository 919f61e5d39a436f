import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { ProblemException } from '@baton/http-api';
import { relationshipTo, type RecordRelationship } from '../access/order-access.policy.js';
import { FamilyInvolvementRepository } from '../involvement/family-involvement.repository.js';
import { isUuid } from '../order/order.loader.js';
import { ParentingContract } from './parenting-contract.entity.js';

/** A contract for a caller related to it, by the same policy as orders; 404 for anyone else. */
@Injectable()
export class ContractLoader {
  constructor(
    private readonly involvement: FamilyInvolvementRepository,
    private readonly breakGlass: BreakGlassGrants,
  ) {}

  async forCaller(manager: EntityManager, caller: Caller, id: string, options: { lock?: boolean } = {}) {
    const notFound = ProblemException.notFound(`Contract ${id}`);
    if (!isUuid(id)) throw notFound;
    const contract = await manager.findOne(ParentingContract, {
      where: { id, tenant: caller.tenant },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!contract) throw notFound;
    const held = {
      tenant: contract.tenant,
      holdingAgencyId: contract.providerAgencyId,
      officerPersonId: contract.officerPersonId,
    };
    const relationship: RecordRelationship | undefined = relationshipTo(
      caller,
      held,
      await this.involvement.of(manager, contract.tenant, contract.familyId),
    );
    if (relationship) return { contract, relationship };
    // No relationship: a live break-glass grant for the family shows its status (and changes nothing).
    if (await this.breakGlass.liveFor(caller, contract.familyId, manager))
      return { contract, relationship: 'break-glass' as const };
    throw notFound;
  }

  async forProvider(manager: EntityManager, caller: Caller, id: string): Promise<ParentingContract> {
    const { contract, relationship } = await this.forCaller(manager, caller, id, { lock: true });
    if (relationship !== 'holder') {
      throw ProblemException.of(403, 'provider-only', 'Forbidden', 'Only the provider changes a contract');
    }
    return contract;
  }
}
