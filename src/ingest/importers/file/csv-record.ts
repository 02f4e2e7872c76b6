/**
 * CSV → message: the header names Segment fields (`type`, `userId`, `event`, …), dotted paths into nested objects
 * (`properties.plan.name`, `traits.email`, `context.ip`, `target.userId`, `integrations.All`) and whole JSON columns
 * (`properties`, `traits`, `context`, `target`, `integrations`, `identities`). Typing rules: docs/importers/files.md.
 */
import { invalid } from '../../../core/index.ts';
import type { ImportRejection } from './chunk.ts';

const STRING_FIELDS = ['type', 'userId', 'anonymousId', 'event', 'messageId', 'previousId', 'platform', 'name', 'category', 'groupId'] as const;
const TIME_FIELDS = ['timestamp', 'originalTimestamp', 'sentAt'] as const;
const OBJECT_ROOTS = ['properties', 'traits', 'context', 'target', 'integrations'] as const;
/** Roots whose dotted cells are typed (numbers, booleans); the others keep strings (ids, IPs, versions). */
const TYPED_ROOTS: ReadonlySet<string> = new Set(['properties', 'traits', 'integrations']);

/** Keys that would reach Object.prototype through plain assignment. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type ObjectRoot = (typeof OBJECT_ROOTS)[number];

type Column =
  | { kind: 'skip' }
  | { kind: 'string'; key: string }
  | { kind: 'time'; key: string }
  | { kind: 'json'; key: ObjectRoot | 'identities' }
  | { kind: 'path'; root: ObjectRoot; path: string[]; typed: boolean };

export interface CsvLayout {
  columns: Column[];
  hasType: boolean;
}

const KNOWN = [...STRING_FIELDS, ...TIME_FIELDS, ...OBJECT_ROOTS, 'identities'];

/** Validates the header row; an unknown, duplicate or clashing column fails the whole file before anything is read. */
export function csvLayout(header: readonly string[]): CsvLayout {
  const seen = new Set<string>();
  const columns = header.map((rawName, i): Column => {
    const name = rawName.trim();
    if (name === '') return { kind: 'skip' };
    if (seen.has(name)) throw invalid(`CSV header (line 1): column "${name}" appears twice`, 'header');
    seen.add(name);
    if ((STRING_FIELDS as readonly string[]).includes(name)) return { kind: 'string', key: name };
    if ((TIME_FIELDS as readonly string[]).includes(name)) return { kind: 'time', key: name };
    if (name === 'identities' || (OBJECT_ROOTS as readonly string[]).includes(name)) return { kind: 'json', key: name as ObjectRoot | 'identities' };
    const dot = name.indexOf('.');
    const root = dot > 0 ? name.slice(0, dot) : '';
    const path = name.slice(dot + 1).split('.');
    if (path.some((p) => FORBIDDEN_KEYS.has(p))) throw invalid(`CSV header (line 1): column "${name}" uses a reserved key`, 'header');
    if ((OBJECT_ROOTS as readonly string[]).includes(root) && path.every((p) => p !== '')) {
      return { kind: 'path', root: root as ObjectRoot, path, typed: TYPED_ROOTS.has(root) };
    }
    throw invalid(
      `CSV header (line 1): unknown column "${name}" (column ${i + 1}); expected ${KNOWN.join(', ')}, or a dotted path such as properties.<key>, traits.<key>, context.<key>`,
      'header',
    );
  });
  const paths = columns.flatMap((c) => (c.kind === 'path' ? [[c.root, ...c.path].join('.')] : []));
  for (const a of paths) {
    const clash = paths.find((b) => b.startsWith(a + '.'));
    if (clash) throw invalid(`CSV header (line 1): column "${a}" clashes with "${clash}" (a value cannot also be an object)`, 'header');
  }
  return { columns, hasType: columns.some((c) => c.kind === 'string' && c.key === 'type') };
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/** `42` → 42, `-1.5e3` → -1500, `true`/`FALSE` → booleans; `007`, `1.`, huge integers and everything else stay strings. */
export function typedCell(cell: string): string | number | boolean {
  if (NUMBER.test(cell)) {
    const n = Number(cell);
    if (Number.isFinite(n) && (!INTEGER.test(cell) || Number.isSafeInteger(n))) return n;
    return cell;
  }
  const lower = cell.length <= 5 ? cell.toLowerCase() : '';
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return cell;
}

type Converted = { ok: true; message: Record<string, unknown> } | { ok: false; rejection: Omit<ImportRejection, 'line'> };

/** One record → a message object (unvalidated: the pipeline validates it), or a rejection naming the column. */
export function csvRecordToMessage(layout: CsvLayout, cells: readonly string[]): Converted {
  if (cells.length > layout.columns.length && cells.slice(layout.columns.length).some((c) => c !== '')) {
    return { ok: false, rejection: { code: 'invalid_csv', message: `record has ${cells.length} fields, the header has ${layout.columns.length}` } };
  }
  const m: Record<string, unknown> = {};
  for (let i = 0; i < layout.columns.length; i++) {
    const cell = cells[i];
    if (cell === undefined || cell === '') continue;
    const col = layout.columns[i]!;
    switch (col.kind) {
      case 'skip':
        break;
      case 'string':
        m[col.key] = cell;
        break;
      case 'time':
        m[col.key] = /^\d{1,16}$/.test(cell) ? Number(cell) : cell;
        break;
      case 'json': {
        let v: unknown;
        try {
          v = JSON.parse(cell);
        } catch {
          return { ok: false, rejection: { code: 'invalid_json', field: col.key, message: `column ${col.key} is not valid JSON` } };
        }
        const wantArray = col.key === 'identities';
        if (v === null || typeof v !== 'object' || Array.isArray(v) !== wantArray) {
          return { ok: false, rejection: { code: 'invalid_json', field: col.key, message: `column ${col.key} must hold a JSON ${wantArray ? 'array' : 'object'}` } };
        }
        // Dotted columns may already have filled this object: they win over the JSON column's keys.
        const existing = m[col.key];
        m[col.key] = wantArray ? v : { ...(v as object), ...(isObject(existing) ? existing : {}) };
        break;
      }
      case 'path': {
        const existing = m[col.root];
        const obj: Record<string, unknown> = isObject(existing) ? existing : {};
        m[col.root] = obj;
        setPath(obj, col.path, col.typed ? typedCell(cell) : cell);
        break;
      }
    }
  }
  if (!layout.hasType || m['type'] === undefined) m['type'] = 'track';
  return { ok: true, message: m };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = cur[k];
    const child: Record<string, unknown> = isObject(next) ? next : {};
    cur[k] = child;
    cur = child;
  }
  cur[path[path.length - 1]!] = value;
}
