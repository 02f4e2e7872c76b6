/**
 * The definition editor's text: parsed locally first, so broken JSON is reported (with its line and column)
 * before anything is sent.
 */

export interface JsonErrorAt {
  /** 1-based. */
  line: number;
  column: number;
  /** The unexpected character, or null when the text ended too early. */
  found: string | null;
}

export type DefinitionParse =
  | { ok: true; definition: Record<string, unknown> }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'not_object' }
  /** `at` is null only when the place could not be found (then `message` is the engine's). */
  | { ok: false; problem: 'syntax'; message: string; at: JsonErrorAt | null };

export function parseDefinitionText(text: string): DefinitionParse {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const at = offset === null ? null : { ...lineColumn(text, offset), found: offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : null };
    return { ok: false, problem: 'syntax', message: e instanceof Error ? e.message : String(e), at };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not_object' };
  return { ok: true, definition: value as Record<string, unknown> };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;
const MAX_NESTING = 500;

/**
 * Where a JSON text first goes wrong (engines word and place this differently, some not at all): the offset of
 * the first unexpected character, `text.length` when it ends too early, null when it is valid (or nested too deep
 * to check).
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail();
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.includes(e)) i += 2;
        else {
          i++;
          fail();
        }
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (depth: number): void => {
    if (depth > MAX_NESTING) throw -1;
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (n) {
      i += n[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
    return null;
  } catch (e) {
    return typeof e === 'number' && e >= 0 ? Math.min(e, text.length) : null;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** A definition as the editor shows it: two-space indented JSON. */
export function formatDefinition(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}

/** Segment keys as the server accepts them. */
export const SEGMENT_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
