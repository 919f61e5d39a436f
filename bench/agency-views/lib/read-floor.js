#!/usr/bin/env node
// The hand-written floor for reads: node:http and a pg Pool running the same SQL as the service's list and view
// queries on the same database, with nothing else (no token check, no validation, no access record, no position
// lookup). Started as its own process by the benchmark: node read-floor.js <databaseUrl> <port>
import http from 'node:http';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const SELECT = `SELECT a.family_id, a.relationships, a.sort_name, v.document, v.position
  FROM family_agency a JOIN family_view v ON v.tenant = a.tenant AND v.family_id = a.family_id`;

function listQuery(agency, q, today) {
  const params = ['demo', agency];
  const where = ['a.tenant = $1', 'a.agency_id = $2'];
  const p = (v) => `$${params.push(v)}`;
  if (q.get('overdueActions') === 'true') where.push(`a.earliest_action_due < ${p(today)}::date`);
  if (q.has('reviewDueWithinDays'))
    where.push(`a.next_review_due <= ${p(today)}::date + ${p(q.get('reviewDueWithinDays'))}::int`);
  if (q.has('levelOfNeed')) where.push(`a.level_of_need = ${p(q.get('levelOfNeed'))}`);
  if (q.has('hasOrder')) where.push(`a.has_order = ${p(q.get('hasOrder'))}`);
  if (q.has('name')) where.push(`a.search_text LIKE ${p(`% ${q.get('name')}%`)}`);
  if (q.has('childDateOfBirth')) where.push(`a.child_dobs @> ARRAY[${p(q.get('childDateOfBirth'))}::date]`);
  const searched = q.has('name') || q.has('childDateOfBirth');
  return {
    text: `WITH matched AS ${searched ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (
        SELECT a.tenant, a.family_id, a.relationships, a.sort_name FROM family_agency a WHERE ${where.join(' AND ')}
      ), page AS (
        SELECT * FROM matched ORDER BY sort_name, family_id LIMIT ${p(Number(q.get('limit') ?? 25) + 1)}
      )
      SELECT p.family_id, p.relationships, p.sort_name, v.document, v.position
      FROM page p JOIN family_view v ON v.tenant = p.tenant AND v.family_id = p.family_id
      ORDER BY p.sort_name, p.family_id`,
    params,
  };
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'http://floor');
    const agency = url.searchParams.get('agency');
    const today = new Date().toISOString().slice(0, 10);
    try {
      const id = /^\/v1\/families\/([0-9a-f-]{36})$/.exec(url.pathname)?.[1];
      const { text, params } = id
        ? { text: `${SELECT} WHERE a.tenant = 'demo' AND a.agency_id = $1 AND a.family_id = $2`, params: [agency, id] }
        : listQuery(agency, url.searchParams, today);
      const { rows } = await pool.query(text, params);
      if (id && rows.length === 0) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(id ? rows[0] : { items: rows }));
    } catch (e) {
      res.writeHead(500).end(String(e.message));
    }
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
