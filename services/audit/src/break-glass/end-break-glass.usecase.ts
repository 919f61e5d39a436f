import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { BreakGlassEvents, newEvent } from '@baton/contracts';
import { ProblemException } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { BreakGlassGrantQueries, grantView, type GrantView } from './break-glass-grant.queries.js';
import { grantStatus, mayEndGrant, maySeeGrant } from './break-glass.rules.js';

/** Ends a live grant before it expires (the grantee is done, or an auditor stops it), telling the services. */
@Injectable()
export class EndBreakGlass {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly grants: BreakGlassGrantQueries,
    private readonly clock: Clock,
  ) {}

  execute(caller: Caller, grantId: string): Promise<GrantView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.grants.row(tx, caller.tenant, grantId, true);
      const grantee = row && { tenant: row.tenant, personId: row.person_id, agencyId: row.agency_id };
      if (!row || !grantee || !maySeeGrant(caller, grantee)) {
        throw ProblemException.notFound(`Break-glass grant ${grantId}`);
      }
      if (!mayEndGrant(caller, grantee)) {
        throw ProblemException.of(
          403,
          'grantee-or-auditor-only',
          'Forbidden',
          'Only the grantee or an auditor ends it',
          {
            errors: [
              { field: 'caller', rule: 'isGranteeOrAuditor', message: 'only the grantee or an auditor ends it' },
            ],
          },
        );
      }
      const now = this.clock.now();
      const status = grantStatus({ expiresAt: row.expires_at, endedAt: row.ended_at }, now);
      if (status !== 'active') {
        throw ProblemException.of(409, `grant-${status}`, 'The grant is not live', `The grant has ${status}`, {
          errors: [{ field: 'grantId', rule: 'isActive', message: `the grant has ${status}` }],
        });
      }
      await tx.query(
        `UPDATE break_glass_grant SET ended_at = $2, ended_by_person_id = $3, ended_by_agency_id = $4
          WHERE grant_id = $1`,
        [grantId, now, caller.personId, caller.agencyId],
      );
      await this.outbox.append(
        tx,
        newEvent(BreakGlassEvents.ended, {
          source: 'baton/audit',
          subject: grantId,
          tenant: caller.tenant,
          actor: caller.personId,
          actoragency: caller.agencyId,
          familyid: row.family_id,
          time: now,
          data: {
            grantId,
            familyId: row.family_id,
            endedAt: now.toISOString(),
            endedByPersonId: caller.personId,
            endedByAgencyId: caller.agencyId,
          },
        }),
      );
      const ended = { ...row, ended_at: now, ended_by_person_id: caller.personId, ended_by_agency_id: caller.agencyId };
      return grantView(ended, now);
    });
  }
}
