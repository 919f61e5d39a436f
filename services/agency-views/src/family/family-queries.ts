import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BreakGlassGrants } from '@baton/access-log';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { decodeCursor, pageOf, ProblemException, type Page } from '@baton/http-api';
import { agencyViewOf, summaryOf, type AgencyFamilySummary, type AgencyFamilyView } from '../domain/agency-view.js';
import type { FamilyDocument } from '../domain/family-document.js';
import type { Relationship } from '../domain/involvement.js';
import type { ListFamiliesQueryDto } from './dto/list-families.query.dto.js';

const DEFAULT_LIMIT = 25;

interface ViewRow {
  family_id: string;
  relationships: Relationship[];
  sort_name: string;
  document: FamilyDocument;
  position: string;
}

/** Reads an agency's families from the read model, scoped to the caller's tenant and agency. */
@Injectable()
export class FamilyQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
    private readonly breakGlass: BreakGlassGrants,
  ) {}

  /** Today in England: what is overdue is decided against the local date, not UTC. */
  today(): string {
    return this.calendar.localDate(this.clock.now());
  }

  async list(caller: Caller, query: ListFamiliesQueryDto): Promise<Page<AgencyFamilySummary>> {
    const today = this.today();
    const params: unknown[] = [caller.tenant, caller.agencyId];
    const where = ['a.tenant = $1', 'a.agency_id = $2'];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.overdueActions !== undefined) {
      where.push(
        query.overdueActions
          ? `a.earliest_action_due < ${param(today)}::date`
          : `(a.earliest_action_due IS NULL OR a.earliest_action_due >= ${param(today)}::date)`,
      );
    }
    if (query.reviewDueWithinDays !== undefined) {
      where.push(`a.next_review_due <= ${param(today)}::date + ${param(query.reviewDueWithinDays)}::int`);
    }
    if (query.levelOfNeed !== undefined) where.push(`a.level_of_need = ${param(query.levelOfNeed)}`);
    if (query.hasOrder !== undefined) where.push(`a.has_order = ${param(query.hasOrder)}`);
    const words = nameWords(query.name);
    for (const word of words) where.push(`a.search_text LIKE ${param(`% ${escapeLike(word)}%`)}`);
    if (query.childDateOfBirth !== undefined)
      where.push(`a.child_dobs @> ARRAY[${param(query.childDateOfBirth)}::date]`);
    if (query.cursor) {
      const [sortName, familyId] = decodeCursor(query.cursor, 2);
      where.push(`(a.sort_name, a.family_id) > (${param(sortName)}, ${param(familyId)}::uuid)`);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    // A search is answered from its own index first (name trigrams, dates of birth), and only the page is sorted
    // and joined to its documents. Left to itself the planner may walk the agency's list in name order, hoping to
    // meet enough matches early, which for a name late in the alphabet means reading the whole list.
    const searched = words.length > 0 || query.childDateOfBirth !== undefined;
    const rows: ViewRow[] = await this.dataSource.query(
      `WITH matched AS ${searched ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (
         SELECT a.tenant, a.family_id, a.relationships, a.sort_name FROM family_agency a WHERE ${where.join(' AND ')}
       ), page AS (
         SELECT * FROM matched ORDER BY sort_name, family_id LIMIT ${param(limit + 1)}
       )
       SELECT p.family_id, p.relationships, p.sort_name, v.document, v.position
       FROM page p JOIN family_view v ON v.tenant = p.tenant AND v.family_id = p.family_id
       ORDER BY p.sort_name, p.family_id`,
      params,
    );
    return pageOf(
      rows,
      limit,
      (row) => summaryOf(this.viewOf(caller, row, today)),
      (row) => [row.sort_name, row.family_id],
    );
  }

  /**
   * One family as the caller's agency sees it (or under a live break-glass grant); 404 when the agency is not
   * involved (or the family unknown).
   */
  async get(caller: Caller, familyId: string): Promise<AgencyFamilyView> {
    const rows: ViewRow[] = await this.dataSource.query(
      `SELECT a.family_id, a.relationships, a.sort_name, v.document, v.position
       FROM family_agency a JOIN family_view v ON v.tenant = a.tenant AND v.family_id = a.family_id
       WHERE a.tenant = $1 AND a.agency_id = $2 AND a.family_id = $3`,
      [caller.tenant, caller.agencyId, familyId],
    );
    if (rows.length > 0) return this.viewOf(caller, rows[0], this.today());
    return this.underBreakGlass(caller, familyId);
  }

  /** A family the agency is not involved with, for a caller holding a live break-glass grant for it; else 404. */
  private async underBreakGlass(caller: Caller, familyId: string): Promise<AgencyFamilyView> {
    if (!(await this.breakGlass.liveFor(caller, familyId))) throw familyNotFound(familyId);
    const [row]: { document: FamilyDocument; position: string }[] = await this.dataSource.query(
      `SELECT document, position FROM family_view WHERE tenant = $1 AND family_id = $2`,
      [caller.tenant, familyId],
    );
    if (!row) throw familyNotFound(familyId);
    return agencyViewOf(row.document, caller.agencyId, ['break-glass'], Number(row.position), this.today());
  }

  private viewOf(caller: Caller, row: ViewRow, today: string): AgencyFamilyView {
    return agencyViewOf(row.document, caller.agencyId, row.relationships, Number(row.position), today);
  }
}

/** Not involved and unknown look the same: the answer must not tell an agency that a family exists. */
function familyNotFound(familyId: string): ProblemException {
  return ProblemException.notFound(`Family ${familyId}`);
}

function nameWords(name: string | undefined): string[] {
  return (name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
