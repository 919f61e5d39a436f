import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { decodeCursor, pageOf, type Page } from '@baton/http-api';
import type { ListOrdersQueryDto } from './dto/list-orders.dto.js';
import { statusView } from './order.views.js';
import { ParentingOrder } from './parenting-order.entity.js';

/** The orders a caller holds: their own as responsible officer, or their agency's as its manager. */
@Injectable()
export class OrderQueries {
  constructor(private readonly dataSource: DataSource) {}

  async held(caller: Caller, query: ListOrdersQueryDto): Promise<Page<ReturnType<typeof statusView>>> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .createQueryBuilder(ParentingOrder, 'o')
      .where('o.tenant = :tenant', { tenant: caller.tenant })
      .andWhere('o.holding_agency_id = :agency', { agency: caller.agencyId })
      .orderBy('o.made_on', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(limit + 1);
    if (!caller.roles.includes('manager')) qb.andWhere('o.officer_person_id = :me', { me: caller.personId });
    if (query.familyId) qb.andWhere('o.family_id = :family', { family: query.familyId });
    if (query.state) qb.andWhere('o.state = :state', { state: query.state });
    if (query.cursor) {
      const [madeOn, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(o.made_on, o.id) < (:madeOn, :id)', { madeOn, id });
    }
    return pageOf(await qb.getMany(), limit, statusView, (o) => [o.madeOn, o.id]);
  }
}
