/** Picks what to show of an event's properties: its title/body text and a few other short scalar values. */

export interface EventText {
  title: string | null;
  body: string | null;
  /** Up to `max` other properties whose values are short strings, numbers or booleans. */
  extras: Array<[string, string]>;
}

const TEXT_KEYS = new Set(['title', 'body']);
const MAX_EXTRA_LENGTH = 60;

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function eventText(properties: Record<string, unknown>, max = 4): EventText {
  const extras: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(properties)) {
    if (extras.length >= max) break;
    if (TEXT_KEYS.has(k)) continue;
    if (typeof v === 'number' || typeof v === 'boolean') extras.push([k, String(v)]);
    else if (typeof v === 'string' && v.length > 0 && v.length <= MAX_EXTRA_LENGTH) extras.push([k, v]);
  }
  return { title: text(properties['title']), body: text(properties['body']), extras };
}
