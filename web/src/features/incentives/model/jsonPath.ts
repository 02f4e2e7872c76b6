/**
 * Finds where a field path the server names (`config.points.rules.0.caps.perDay`) is in the configuration's JSON
 * text, so the editor can say on which line it is and select it. The text is scanned once, keeping offsets; only
 * valid JSON is scanned (the editor checks syntax before anything is sent).
 */

export interface JsonSpan {
  /** Offsets of the value in the text: [start, end). */
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** The path segments found; shorter than asked when the field is missing (then the span is its parent's). */
  found: string[];
  /** True when the whole path was found. */
  exact: boolean;
}

/** The server's field path relative to the editor's document: the `config.` prefix (the request field) removed. */
export function configPath(field: string): string[] {
  const parts = field.split('.').filter((p) => p !== '');
  return parts[0] === 'config' ? parts.slice(1) : parts;
}

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  /** Skips a string and returns its value. */
  string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  /** Skips any value. */
  skip(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      while (this.i < this.text.length) {
        const ch = this.text[this.i]!;
        if (ch === '"') {
          this.string();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) {
            this.i++;
            return;
          }
        }
        this.i++;
      }
      return;
    }
    while (this.i < this.text.length && !',}] \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  /**
   * Moves into the container at `this.i` to the member named `key` (an object key or an array index); returns
   * false, leaving `this.i` where it was, when there is none.
   */
  enter(key: string): boolean {
    const open = this.text[this.i];
    const back = this.i;
    if (open !== '{' && open !== '[') return false;
    this.i++;
    let index = 0;
    for (;;) {
      this.ws();
      const c = this.text[this.i];
      if (c === undefined || c === '}' || c === ']') break;
      if (open === '{') {
        const name = this.string();
        this.ws();
        this.i++; // ':'
        this.ws();
        if (name === key) return true;
      } else {
        if (String(index) === key) return true;
        index++;
      }
      this.skip();
      this.ws();
      if (this.text[this.i] === ',') this.i++;
    }
    this.i = back;
    return false;
  }
}

/** Where `path` is in `text`, or null when the text is not valid JSON. */
export function locateJsonPath(text: string, path: readonly string[]): JsonSpan | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const s = new Scanner(text);
  s.ws();
  const found: string[] = [];
  for (const key of path) {
    if (!s.enter(key)) break;
    found.push(key);
  }
  const start = s.i;
  s.skip();
  const end = Math.max(start, s.i);
  const line = text.slice(0, start).split('\n').length;
  return { start, end, line, found, exact: found.length === path.length };
}
