/** Collects the bound parameters of a compiled segment: every user value reaches DuckDB as `$n`, never as text. */
import type { DuckDBValue } from '@duckdb/node-api';

export class SqlParams {
  readonly values: DuckDBValue[] = [];

  /** A placeholder for `value`; use `double` for numbers that must compare as DOUBLE. */
  bind(value: string | number | boolean): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A DOUBLE placeholder. The driver binds an integral JS number as INTEGER/BIGINT and rejects one beyond int64
   * (1e20), so those travel as their shortest decimal text, which DuckDB casts back to the same double exactly.
   */
  double(value: number): string {
    return `CAST(${this.bind(Number.isSafeInteger(value) || !Number.isInteger(value) ? value : String(value))} AS DOUBLE)`;
  }
}
