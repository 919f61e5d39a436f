import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { worksWithFamilies, type Caller } from '@baton/auth';
import { Clock } from '@baton/calendar';
import { decodeCursor, pageOf, type Page } from '@baton/http-api';
import { Referral } from '../referral/referral.entity.js';
import { receivingAgencyView, referrerView } from '../referral/referral.views.js';
import type { ListReferralsQueryDto, TriageQueueQueryDto } from './dto/queue-query.dto.js';

const DEFAULT_LIMIT = 25;

/** The lists a caller's agency may see: referrals it sent, and the triage queue of those addressed to it. */
@Injectable()
export class ReferralQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Oldest first: the queue is worked in order of receipt. */
  async triageQueue(caller: Caller, query: TriageQueueQueryDto): Promise<Page<ReturnType<typeof receivingAgencyView>>> {
    const qb = this.base(caller, query).andWhere('r.receiving_agency_id = :agency', { agency: caller.agencyId });
    qb.andWhere('r.status = :status', { status: query.status ?? 'received' });
    if (query.urgency) qb.andWhere('r.urgency = :urgency', { urgency: query.urgency });
    if (query.proposedLevelOfNeed) qb.andWhere('r.proposed_level = :level', { level: query.proposedLevelOfNeed });
    if (query.overdue !== undefined) {
      qb.andWhere(query.overdue ? 'r.decision_due_at <= :now' : 'r.decision_due_at > :now', { now: this.clock.now() });
    }
    return this.page(qb, query, receivingAgencyView);
  }

  /** Referrals still awaiting a decision past their deadline. */
  overdue(caller: Caller, query: ListReferralsQueryDto): Promise<Page<ReturnType<typeof receivingAgencyView>>> {
    return this.triageQueue(caller, { ...query, status: 'received', overdue: true });
  }

  async sentByAgency(caller: Caller, query: ListReferralsQueryDto): Promise<Page<ReturnType<typeof referrerView>>> {
    // As for one referral: without a casework role (an agency admin), the agency's referrals are not the caller's.
    if (!worksWithFamilies(caller)) return { items: [] };
    const qb = this.base(caller, query).andWhere('r.referrer_agency_id = :agency', { agency: caller.agencyId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return this.page(qb, query, referrerView);
  }

  private base(caller: Caller, query: ListReferralsQueryDto): SelectQueryBuilder<Referral> {
    const qb = this.dataSource.getRepository(Referral).createQueryBuilder('r').where('r.tenant = :tenant', {
      tenant: caller.tenant,
    });
    if (query.cursor) {
      const [receivedAt, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(r.received_at, r.id) > (:receivedAt, :id)', { receivedAt, id });
    }
    return qb.orderBy('r.received_at', 'ASC').addOrderBy('r.id', 'ASC');
  }

  private async page<T>(qb: SelectQueryBuilder<Referral>, query: ListReferralsQueryDto, view: (r: Referral) => T) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await qb.take(limit + 1).getMany();
    return pageOf(rows, limit, view, (r) => [r.receivedAt.toISOString(), r.id]);
  }
}
