/** Typed readers for the string attributes of one dump `<row>`: integers, booleans, UTC dates and bounded text. */
import { LIMITS } from '../../schema.ts';

/** One `<row …/>` element: attribute name → decoded value. */
export type Row = Readonly<Record<string, string>>;

/** An integer attribute, or undefined when it is absent or not a safe integer. */
export function int(row: Row, name: string): number | undefined {
  const v = row[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `True`/`False` (any case), else undefined. */
export function bool(row: Row, name: string): boolean | undefined {
  const v = row[name]?.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** Dump dates are UTC without a zone suffix (`2021-04-27T15:06:44.553`); append `Z` unless a zone is already there. */
export function utc(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`;
}

/** Cut a string to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number = LIMITS.jsonStringLength): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A free-text attribute cut to the schema's string bound, or undefined when absent or empty. */
export function text(row: Row, name: string, max: number = LIMITS.jsonStringLength): string | undefined {
  const v = row[name];
  return v === undefined || v === '' ? undefined : truncate(v, max);
}

/**
 * A long text attribute (body, comment text, revision text) as three properties: `<key>` cut to the schema bound,
 * `<key>_length` (original length in UTF-16 units) and `<key>_truncated`.
 */
export function longText(row: Row, name: string, key: string): Record<string, unknown> {
  const v = row[name];
  if (v === undefined) return {};
  return { [key]: truncate(v), [`${key}_length`]: v.length, [`${key}_truncated`]: v.length > LIMITS.jsonStringLength };
}

/** Tags as stored by the dump: `<a><b>` (to 2023) or `|a|b|` (2024 on). */
export function tagList(value: string | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const tags = value.startsWith('<') ? Array.from(value.matchAll(/<([^>]+)>/g), (m) => m[1] ?? '') : value.split('|');
  return tags.filter((t) => t !== '').slice(0, LIMITS.jsonArrayLength).map((t) => truncate(t, 255));
}

/** Drop keys whose value is undefined, so that stored JSON says only what the row said. */
export function defined(obj: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}
