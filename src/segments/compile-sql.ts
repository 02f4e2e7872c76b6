/**
 * Compiles a segment into one DuckDB query over the column store that selects exactly the members for which
 * `evaluateSegment` is true. Predicates are definite booleans (two-valued logic, see README.md).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { invalid } from '../core/index.ts';
import { MICROS_PER_DAY, type EventCountNode, type ScoreName, type ScoreNode, type SegmentNode, type TierName, type TierNode } from './ast.ts';
import { parseSegment } from './parse.ts';
import { SqlParams } from './sql-params.ts';
import { SQL_COMPARE, traitSql } from './sql-traits.ts';

export interface CompileContext {
  workspaceId: number;
  /** Microseconds since the epoch, UTC: event windows end here (inclusive). */
  asOf: number;
}

export interface CompiledSegment {
  sql: string;
  params: DuckDBValue[];
}

// Column names come from these fixed maps, never from the node. NaN in a DOUBLE score counts as missing:
// DuckDB orders NaN above every number and makes NaN = NaN true, where JavaScript says false.
const SCORE_COLUMNS: Record<ScoreName, string> = {
  recency_days: `NULLIF(s.recency_days, 'NaN'::DOUBLE)`,
  frequency: 's.frequency',
  monetary: 's.monetary',
  r_score: 's.r_score',
  f_score: 's.f_score',
  m_score: 's.m_score',
  p_alive: `NULLIF(s.p_alive, 'NaN'::DOUBLE)`,
  expected_purchases: `NULLIF(s.expected_purchases, 'NaN'::DOUBLE)`,
  clv: `NULLIF(s.clv, 'NaN'::DOUBLE)`,
  relationship_density: `NULLIF(s.relationship_density, 'NaN'::DOUBLE)`,
  value_density: `NULLIF(s.value_density, 'NaN'::DOUBLE)`,
  potential_density: `NULLIF(s.potential_density, 'NaN'::DOUBLE)`,
};
const TIER_COLUMNS: Record<TierName, string> = {
  lifecycle_tier: 's.lifecycle_tier',
  communication_tier: 's.communication_tier',
  rfm_segment: 's.rfm_segment',
  rfm_code: 's.rfm_code',
};
const ROLE_COLUMNS = { actor: 'member_id', target: 'target_member_id' } as const;

/**
 * The node is validated again here: it may come from storage rather than from `parseSegment`, and this is the
 * boundary where text becomes SQL.
 */
export function compileSegment(node: SegmentNode, ctx: CompileContext): CompiledSegment {
  const segment = parseSegment(node);
  if (!Number.isSafeInteger(ctx.workspaceId)) throw invalid('workspaceId must be an integer', 'workspaceId');
  if (!Number.isSafeInteger(ctx.asOf)) throw invalid('asOf must be integer microseconds since the epoch', 'asOf');
  const compiler = new Compiler(ctx);
  const where = compiler.predicate(segment);
  const ctes = compiler.counts.map((c) => `${c.alias} AS (\n  ${c.sql}\n)`);
  const joins = compiler.counts.map((c) => `\nLEFT JOIN ${c.alias} ON ${c.alias}.member_id = s.member_id`).join('');
  const sql =
    `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}` +
    `SELECT s.member_id FROM member_scores AS s${joins}\nWHERE s.workspace_id = $1 AND (${where})`;
  return { sql, params: compiler.params.values };
}

interface CountCte {
  key: string;
  alias: string;
  sql: string;
}

class Compiler {
  readonly params = new SqlParams();
  readonly counts: CountCte[] = [];

  constructor(private readonly ctx: CompileContext) {
    this.params.bind(ctx.workspaceId);
  }

  predicate(node: SegmentNode): string {
    switch (node.kind) {
      case 'and':
        return `(${node.of.map((n) => this.predicate(n)).join(' AND ')})`;
      case 'or':
        return `(${node.of.map((n) => this.predicate(n)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.predicate(node.of)})`;
      case 'trait':
        return traitSql(node, 's.traits', this.params);
      case 'score':
        return this.score(node);
      case 'tier':
        return this.tier(node);
      case 'event_count':
        return `(COALESCE(${this.countColumn(node)}, 0) ${SQL_COMPARE[node.op]} CAST(${this.params.bind(node.value)} AS BIGINT))`;
    }
  }

  private score(node: ScoreNode): string {
    const column = SCORE_COLUMNS[node.score];
    if (node.op === 'exists') return `(${column} IS NOT NULL)`;
    return `COALESCE(CAST(${column} AS DOUBLE) ${SQL_COMPARE[node.op]} ${this.params.double(node.value ?? Number.NaN)}, false)`;
  }

  private tier(node: TierNode): string {
    const column = TIER_COLUMNS[node.tier];
    const values = typeof node.value === 'string' ? [node.value] : node.value;
    if (node.op === 'in') return `COALESCE(${column} IN (${values.map((v) => this.params.bind(v)).join(', ')}), false)`;
    return `COALESCE(${column} ${SQL_COMPARE[node.op]} ${this.params.bind(values[0] ?? '')}, false)`;
  }

  /** One grouped aggregate per distinct (event, window, role), joined once: no per-member subquery. */
  private countColumn(node: EventCountNode): string {
    const role = node.role ?? 'actor';
    const key = `${role}\u0000${node.windowDays}\u0000${node.event}`;
    let cte = this.counts.find((c) => c.key === key);
    if (!cte) {
      const member = ROLE_COLUMNS[role];
      const from = this.ctx.asOf - node.windowDays * MICROS_PER_DAY;
      cte = {
        key,
        alias: `ec${this.counts.length}`,
        sql:
          `SELECT ${member} AS member_id, count(*) AS n FROM events\n` +
          `  WHERE workspace_id = $1 AND name = ${this.params.bind(node.event)} AND type NOT IN ('merge', 'unmerge')\n` +
          `    AND ts > make_timestamp(CAST(${this.params.bind(from)} AS BIGINT)) AND ts <= make_timestamp(CAST(${this.params.bind(this.ctx.asOf)} AS BIGINT))\n` +
          `    AND ${member} IS NOT NULL\n` +
          `  GROUP BY ${member}`,
      };
      this.counts.push(cte);
    }
    return `${cte.alias}.n`;
  }
}
