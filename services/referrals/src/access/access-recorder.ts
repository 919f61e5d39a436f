import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { AccessEvents, newEvent, type RecordAccessAction } from '@baton/contracts';
import type { RequestOrigin } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { REFERRALS_SOURCE } from '../referral/referral.events.js';

export interface RecordedAccess {
  action: RecordAccessAction;
  referrals: { id: string; familyId: string }[];
  purpose: string;
}

/** Every read of a family's record is published (through the outbox) for the audit ledger. */
@Injectable()
export class AccessRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async record(caller: Caller, origin: RequestOrigin, access: RecordedAccess, manager?: EntityManager): Promise<void> {
    if (access.referrals.length === 0) return;
    const event = newEvent(AccessEvents.recorded, {
      source: REFERRALS_SOURCE,
      subject: caller.personId,
      tenant: caller.tenant,
      actor: caller.personId,
      actoragency: caller.agencyId,
      familyid: access.referrals.length === 1 ? access.referrals[0].familyId : undefined,
      data: {
        service: 'referrals',
        recordType: 'referral',
        recordIds: access.referrals.map((r) => r.id),
        familyIds: [...new Set(access.referrals.map((r) => r.familyId))],
        action: access.action,
        purpose: access.purpose,
        accessedAt: new Date().toISOString(),
        accessor: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId, roles: caller.roles },
        origin,
      },
    });
    if (manager) await this.outbox.append(manager, event);
    else await this.dataSource.transaction((m) => this.outbox.append(m, event));
  }
}
