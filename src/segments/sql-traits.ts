/**
 * DuckDB predicates for `trait` nodes over the JSON `traits` column. Each returns a definite boolean (never
 * NULL), and every comparison first checks `json_type`, so the string "5" never equals the number 5.
 */
import { invalid } from '../core/index.ts';
import { TRAIT_PATH, type TraitNode } from './ast.ts';
import type { SqlParams } from './sql-params.ts';

// yyjson reports integers as BIGINT/UBIGINT and the rest as DOUBLE; HUGEINT is listed in case a build reports it.
const NUMBER_TYPES = `('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT')`;

/**
 * `$."a"."b"`: quoted keys, so a segment named like a number ("0") is a key and never an array index, matching
 * the in-memory walk. The schema already limits segments to [A-Za-z0-9_]; this re-checks before embedding,
 * because the path is the one user string that is not a bound parameter.
 */
export function jsonPathLiteral(path: string): string {
  if (!TRAIT_PATH.test(path)) throw invalid('trait path must be a dot path of [A-Za-z0-9_] segments', 'path');
  const jsonPath = `$${path.split('.').map((key) => `."${key}"`).join('')}`;
  return `'${jsonPath.replaceAll("'", "''")}'`;
}

export function traitSql(node: TraitNode, column: string, params: SqlParams): string {
  const path = jsonPathLiteral(node.path);
  const type = `json_type(${column}, ${path})`;
  const str = `json_extract_string(${column}, ${path})`;
  // TRY_CAST: DuckDB may evaluate both sides of AND, and a failed cast must not abort the query.
  const num = `TRY_CAST(json_extract(${column}, ${path}) AS DOUBLE)`;
  const present = `COALESCE(${type} <> 'NULL', false)`;

  const eq = (value: string | number | boolean): string => {
    if (typeof value === 'string') return `COALESCE(${type} = 'VARCHAR' AND ${str} = ${params.bind(value)}, false)`;
    if (typeof value === 'number') return `COALESCE(${type} IN ${NUMBER_TYPES} AND ${num} = ${params.double(value)}, false)`;
    return `COALESCE(${type} = 'BOOLEAN' AND TRY_CAST(json_extract(${column}, ${path}) AS BOOLEAN) = CAST(${params.bind(value)} AS BOOLEAN), false)`;
  };

  const value = node.value;
  switch (node.op) {
    case 'exists':
      return present;
    case 'eq':
      return eq(scalar(value));
    case 'neq':
      // Missing is not comparable: neq holds only for a present value that differs.
      return `(${present} AND NOT ${eq(scalar(value))})`;
    case 'in': {
      const list = Array.isArray(value) ? value : [];
      const strings = [...new Set(list.filter((v): v is string => typeof v === 'string'))];
      const numbers = [...new Set(list.filter((v): v is number => typeof v === 'number'))];
      const parts = [
        ...(strings.length ? [`(${type} = 'VARCHAR' AND ${str} IN (${strings.map((s) => params.bind(s)).join(', ')}))`] : []),
        ...(numbers.length ? [`(${type} IN ${NUMBER_TYPES} AND ${num} IN (${numbers.map((n) => params.double(n)).join(', ')}))`] : []),
      ];
      return parts.length ? `COALESCE(${parts.join(' OR ')}, false)` : 'false';
    }
    case 'contains':
      return `COALESCE(${type} = 'VARCHAR' AND contains(${str}, ${params.bind(String(value))}), false)`;
    default:
      return `COALESCE(${type} IN ${NUMBER_TYPES} AND ${num} ${SQL_COMPARE[node.op]} ${params.double(Number(value))}, false)`;
  }
}

export const SQL_COMPARE = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function scalar(value: TraitNode['value']): string | number | boolean {
  if (value === undefined || Array.isArray(value)) throw invalid('eq/neq need a string, number or boolean value', 'value');
  return value;
}
