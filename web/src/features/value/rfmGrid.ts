/** The 5 × 5 recency × frequency grid: every cell with its members (0 if none) and its segment from the rules. */
import type { MemberValueBody } from '../../../../src/api/schemas/index.ts';

type Rules = MemberValueBody['rules']['rfm'];
type Cells = MemberValueBody['rfmGrid'];

export interface RfmCell {
  r: number;
  f: number;
  members: number;
  /** Mean monetary score 1–5 of the cell's members; null when it has none. */
  meanM: number | null;
  segment: string;
}

/** The segment of (r, f): the first rule whose ranges hold both, as the server assigns it ("lost" if none). */
export function segmentAt(rules: Rules, r: number, f: number): string {
  return rules.find((x) => r >= x.r[0] && r <= x.r[1] && f >= x.f[0] && f <= x.f[1])?.segment ?? 'lost';
}

export function fullGrid(rules: Rules, cells: Cells): RfmCell[] {
  const out: RfmCell[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const c = cells.find((x) => x.r === r && x.f === f);
      out.push({ r, f, members: c?.members ?? 0, meanM: c ? c.meanM : null, segment: c?.segment ?? segmentAt(rules, r, f) });
    }
  }
  return out;
}
