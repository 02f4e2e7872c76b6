/** eventText: title/body pulled out, other short scalars listed, long or nested values skipped. */
import { describe, expect, it } from 'vitest';
import { eventText } from './eventText.ts';

describe('eventText', () => {
  it('separates title and body from short scalar extras', () => {
    const r = eventText({ title: ' Hello ', body: 'World', score: 3, tag: 'faq', nested: { a: 1 }, long: 'x'.repeat(99) });
    expect(r).toEqual({ title: 'Hello', body: 'World', extras: [['score', '3'], ['tag', 'faq']] });
  });

  it('limits the extras and tolerates missing text', () => {
    const r = eventText({ a: 1, b: 2, c: 3 }, 2);
    expect(r).toEqual({ title: null, body: null, extras: [['a', '1'], ['b', '2']] });
  });
});
