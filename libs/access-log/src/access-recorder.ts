import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@baton/auth';
import { AccessEvents, BREAK_GLASS_LAWFUL_BASIS, newEvent, type RecordAccessAction } from '@baton/contracts';
import type { RequestOrigin } from '@baton/http-api';
import { LoneEvents, MESSAGING_OPTIONS, Outbox, type ResolvedMessagingOptions } from '@baton/messaging';
import { grantsInUseFor } from './break-glass/grants-in-use.js';

/** One access to one or more records of a family (or of several families, for a list). */
export interface RecordedAccess {
  action: RecordAccessAction;
  /** The kind of record: `referral`, `plan`, `order`, `family-view`... */
  recordType: string;
  records: readonly { id: string; familyId: string }[];
  /** Why the caller looked, in their terms: "triage", "lead professional reviewing the plan". */
  purpose: string;
  /** The lawful basis, where the access rests on one other than the caller's involvement. */
  lawfulBasis?: string;
}

/**
 * Every read of a family's record is published (through the outbox) for the audit ledger — UK GDPR
 * art. 5(2) accountability. The service named in the messaging options is the record's holder. An access the
 * request could make only under a break-glass grant (`BreakGlassGrants.liveFor` found it) is marked with the grant
 * and the lawful basis `break-glass`, so auditors see every read made under each grant.
 */
@Injectable()
export class AccessRecorder {
  constructor(
    private readonly outbox: Outbox,
    private readonly loneEvents: LoneEvents,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: ResolvedMessagingOptions,
  ) {}

  /**
   * Records the access: in the caller's transaction when a manager is given; otherwise on its own, committed before
   * this resolves, sharing its INSERT with the other reads of the moment (`LoneEvents`).
   */
  async record(caller: Caller, origin: RequestOrigin, access: RecordedAccess, manager?: EntityManager): Promise<void> {
    if (access.records.length === 0) return;
    const familyIds = [...new Set(access.records.map((r) => r.familyId))];
    const service = this.messaging.service;
    const [grant] = grantsInUseFor(familyIds);
    const lawfulBasis = grant ? BREAK_GLASS_LAWFUL_BASIS : access.lawfulBasis;
    const event = newEvent(AccessEvents.recorded, {
      source: `baton/${service}`,
      subject: caller.personId,
      tenant: caller.tenant,
      actor: caller.personId,
      actoragency: caller.agencyId,
      familyid: familyIds.length === 1 ? familyIds[0] : undefined,
      data: {
        service,
        recordType: access.recordType,
        recordIds: access.records.map((r) => r.id),
        familyIds,
        action: access.action,
        purpose: access.purpose,
        ...(lawfulBasis ? { lawfulBasis } : {}),
        ...(grant ? { breakGlassGrantId: grant.grantId } : {}),
        accessedAt: new Date().toISOString(),
        accessor: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId, roles: caller.roles },
        origin,
      },
    });
    if (manager) await this.outbox.append(manager, event);
    else await this.loneEvents.write(event);
  }
}
