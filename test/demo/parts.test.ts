/** Building blocks of the demo generator: PRNG, time window, templates, ids, options and the exact estimate. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.ts';
import { demoTextLabel, estimateDemoEvents, generateDemo } from '../../src/demo/index.ts';
import { anonymousIdOf, userIdOf } from '../../src/demo/ids.ts';
import { Rng } from '../../src/demo/prng.ts';
import { DemoWindow } from '../../src/demo/window.ts';
import { postText, commentText } from '../../src/demo/content.ts';

describe('Rng', () => {
  it('is reproducible per (seed, stream, index) and independent across indices', () => {
    const draw = (r: Rng): number[] => Array.from({ length: 5 }, () => r.next());
    expect(draw(new Rng(42, 3, 7))).toEqual(draw(new Rng(42, 3, 7)));
    expect(draw(new Rng(42, 3, 7))).not.toEqual(draw(new Rng(42, 3, 8)));
    expect(draw(new Rng(42, 3, 7))).not.toEqual(draw(new Rng(43, 3, 7)));
    const r = new Rng(1, 1, 1);
    const first = draw(r);
    expect(draw(r.reseed(1, 1, 1))).toEqual(first);
  });

  it('draws uniform floats and unbiased samplers', () => {
    const r = new Rng(9, 0, 0);
    const n = 200_000;
    let sum = 0;
    let normal = 0;
    let normal2 = 0;
    let binom = 0;
    let outside = 0;
    for (let k = 0; k < n; k++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      const z = r.normal();
      normal += z;
      normal2 += z * z;
    }
    for (let k = 0; k < 2000; k++) binom += r.binomial(100, 0.3);
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(normal / n).toBeCloseTo(0, 1);
    expect(normal2 / n).toBeCloseTo(1, 1);
    expect(binom / 2000).toBeCloseTo(30, 0);
  });
});

describe('DemoWindow', () => {
  it('formats offsets exactly like Date#toISOString and stays within the 12 months', () => {
    const end = new Date('2024-03-01T00:00:00.000Z');
    const w = new DemoWindow(end);
    const r = new Rng(5, 0, 0);
    for (let k = 0; k < 2000; k++) {
      const off = r.int(w.spanSec + 1);
      const ms = r.int(1000);
      expect(w.iso(off, ms)).toBe(new Date((w.startSec + off) * 1000 + ms).toISOString());
    }
    expect(Date.parse(w.iso(w.spanSec, 999))).toBeLessThanOrEqual(end.getTime());
    expect(Date.parse(w.iso(0, 0))).toBeGreaterThanOrEqual(Date.UTC(2023, 2, 1));
  });

  it('maps offsets to Asia/Shanghai local days', () => {
    const w = new DemoWindow(new Date('2025-01-01T00:00:00Z'));
    const d = w.localDay(0);
    expect(w.localDay(w.localDayStart(d + 10))).toBe(d + 10);
    expect(w.localDay(w.localDayStart(d + 10) - 1)).toBe(d + 9);
    expect(new Date((w.startSec + w.localDayStart(d + 10)) * 1000).toISOString().slice(11, 19)).toBe('16:00:00');
  });
});

describe('content', () => {
  it('labels every generated text with its language and sentiment', () => {
    const r = new Rng(3, 0, 0);
    for (let k = 0; k < 3000; k++) {
      const lang = (k & 1) as 0 | 1;
      const sentiment = (k % 3) as 0 | 1 | 2;
      const post = postText(r, lang, sentiment);
      expect(post.title).not.toMatch(/[{}]/);
      expect(post.body).not.toMatch(/[{}]/);
      expect(demoTextLabel(post.body)).toEqual({ lang: ['zh', 'en'][lang], sentiment: ['positive', 'negative', 'neutral'][sentiment] });
      expect(demoTextLabel(commentText(r, lang, sentiment))?.sentiment).toBe(['positive', 'negative', 'neutral'][sentiment]);
    }
    expect(demoTextLabel('hello world')).toBeUndefined();
  });
});

describe('ids', () => {
  it('are unique per member and platform', () => {
    for (const p of [0, 1, 2]) {
      const ids = new Set(Array.from({ length: 50_000 }, (_, i) => userIdOf(i, p)));
      expect(ids.size).toBe(50_000);
    }
    expect(userIdOf(5, 1)).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(anonymousIdOf(42, 5)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('options', () => {
  const end = new Date('2025-06-30T00:00:00Z');

  it('estimates exactly, for tiny and odd sizes too', () => {
    for (const [members, eventsPerMember] of [[0, 10], [1, 10], [37, 3], [300, 25]] as const) {
      const opts = { members, end, seed: 11, eventsPerMember };
      let n = 0;
      for (const b of generateDemo(opts)) n += b.length;
      expect(n).toBe(estimateDemoEvents(opts));
    }
  });

  it('averages about eventsPerMember messages per member', () => {
    expect(estimateDemoEvents({ members: 5000, end, eventsPerMember: 20 }) / 5000).toBeCloseTo(20, 0);
  });

  it('rejects invalid options with a typed error', () => {
    expect(() => estimateDemoEvents({ members: -1, end })).toThrow(AppError);
    expect(() => estimateDemoEvents({ members: 1.5, end })).toThrow(AppError);
    expect(() => estimateDemoEvents({ members: 10, end: new Date(Number.NaN) })).toThrow(AppError);
    expect(() => estimateDemoEvents({ members: 10, end, seed: 0.5 })).toThrow(AppError);
  });
});
