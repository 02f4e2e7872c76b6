/** RFM scoring: quintile scores with shared ties computed by hand, and a segment map that covers every cell once. */
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_RULES, RFM_SEGMENTS, rfmSegment, scoreRfm, scoringSettings } from '../../src/models/index.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('RFM scores', () => {
  it('scores ten members by hand: recency reversed, ties shared', () => {
    const s = scoreRfm({
      memberId: f64([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      recencyDays: f64([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      frequency: f64([1, 1, 1, 1, 1, 1, 2, 2, 3, 10]),
      monetary: f64([500, 100, 100, 100, 900, 0, 0, 0, 0, 2500]),
    });
    expect([...s.r]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // six members bought once: all share the lowest score; the next value starts at position 6 of 10 → 1 + ⌊5·6/10⌋ = 4
    expect([...s.f]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // four zeros → 1; three 100s start at 4 → 3; 500 at 7 → 4; 900 at 8 → 5; 2500 at 9 → 5
    expect([...s.m]).toEqual([4, 3, 3, 3, 5, 1, 1, 1, 1, 5]);
    expect(s.code[0]).toBe('514');
    expect(s.segment[0]).toBe('new');
    expect(s.segment[9]).toBe('cant_lose_them');
    expect(s.segment[6]).toBe('at_risk');
  });

  it('does not depend on the order members are given in', () => {
    const a = scoreRfm({ memberId: f64([1, 2, 3]), recencyDays: f64([3, 3, 1]), frequency: f64([2, 2, 5]), monetary: f64([10, 10, 7]) });
    const b = scoreRfm({ memberId: f64([3, 2, 1]), recencyDays: f64([1, 3, 3]), frequency: f64([5, 2, 2]), monetary: f64([7, 10, 10]) });
    expect([a.code[0], a.code[1], a.code[2]]).toEqual([b.code[2], b.code[1], b.code[0]]);
    expect(a.code[0]).toBe(a.code[1]); // identical members, identical scores
  });
});

describe('RFM segments', () => {
  it('gives every (R, F) cell exactly one rule, and uses all eleven segments', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) {
        const matching = RFM_SEGMENT_RULES.filter((x) => r >= x.r[0] && r <= x.r[1] && f >= x.f[0] && f <= x.f[1]);
        expect(matching.length, `R${r} F${f}`).toBe(1);
        expect(rfmSegment(r, f)).toBe(matching[0]!.segment);
        used.add(rfmSegment(r, f));
      }
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('places the corners where operators expect them', () => {
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(1, 5)).toBe('cant_lose_them');
    expect(rfmSegment(1, 1)).toBe('lost');
    expect(rfmSegment(5, 1)).toBe('new');
  });
});

describe('RFM with fixed cut points', () => {
  it('scores by thresholds where given and by quintiles elsewhere', () => {
    const s = scoreRfm(
      {
        memberId: f64([1, 2, 3, 4, 5, 6]),
        recencyDays: f64([0, 29, 30, 89, 90, 400]),
        frequency: f64([1, 2, 3, 4, 9, 10]),
        monetary: f64([10, 20, 30, 40, 50, 60]),
      },
      { recencyDays: [30, 60, 90, 180], frequency: [2, 3, 5, 10] },
    );
    // days < 30 → 5; 30–59 → 4; 60–89 → 3; 90–179 → 2; ≥ 180 → 1
    expect([...s.r]).toEqual([5, 5, 4, 3, 2, 1]);
    // 1 → 1; 2 → 2; 3–4 → 3; 5–9 → 4; ≥ 10 → 5
    expect([...s.f]).toEqual([1, 2, 3, 3, 4, 5]);
    // no monetary thresholds: quintiles, 1 + ⌊5·i/6⌋
    expect([...s.m]).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it('refuses cut points that are not four ascending numbers, naming the field', () => {
    const r = scoringSettings.safeParse({ rfmThresholds: { frequency: [2, 2, 5, 10] } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['rfmThresholds', 'frequency']);
  });
});
