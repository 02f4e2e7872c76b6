/** Member lifecycles (active, fading, returning, churned) as activity intensities over time, and sampling from them. */
import type { Rng } from './prng.ts';

export const LIFECYCLES = ['active', 'fading', 'returning', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const LC_ACTIVE = 0;
export const LC_FADING = 1;
export const LC_RETURNING = 2;
export const LC_CHURNED = 3;

const DAY = 86_400;
/** New members are about three times as active in their first days (onboarding burst decaying over ~5 days). */
const BURST_AMPLITUDE = 2;
const BURST_TAU = 5 * DAY;

/**
 * Per-member timeline parameters (offsets in seconds from the window start). The member is alive on
 * [join, aliveEnd] minus the gap [gapStart, gapEnd); without a gap, gapStart = gapEnd = aliveEnd.
 */
export interface Lifelines {
  join: Uint32Array;
  aliveEnd: Uint32Array;
  gapStart: Uint32Array;
  gapEnd: Uint32Array;
  /** Decay time constant in seconds of a fading member's activity (0: no decay). */
  fadeTau: Float32Array;
  /** Activity rate after a returning member's gap, relative to before it. */
  tailRate: Float32Array;
}

export function isAlive(l: Lifelines, i: number, t: number): boolean {
  return t >= (l.join[i] as number) && t <= (l.aliveEnd[i] as number) && !(t >= (l.gapStart[i] as number) && t < (l.gapEnd[i] as number));
}

/** Number of days on which the member is alive (an upper bound on its check-ins). */
export function aliveDays(l: Lifelines, i: number): number {
  const span = (l.aliveEnd[i] as number) - (l.join[i] as number) - ((l.gapEnd[i] as number) - (l.gapStart[i] as number));
  return Math.max(1, Math.floor(span / DAY) + 1);
}

/**
 * The member's activity intensity as a mixture of at most three pieces (uniform or truncated exponential), each
 * sampled by inverting its CDF: O(1) per draw, no rejection.
 */
export class ActivitySampler {
  private count = 0;
  private readonly isExp = new Uint8Array(3);
  private readonly from = new Float64Array(3);
  private readonly to = new Float64Array(3);
  private readonly tau = new Float64Array(3);
  /** 1 − e^{−(to−from)/tau} for exponential pieces. */
  private readonly span = new Float64Array(3);
  private readonly cum = new Float64Array(3);
  /** Expected activity of the member in "active-day equivalents". */
  massDays = 0;

  set(l: Lifelines, i: number): this {
    this.count = 0;
    this.massDays = 0;
    const join = l.join[i] as number;
    const aliveEnd = l.aliveEnd[i] as number;
    const gapStart = l.gapStart[i] as number;
    const gapEnd = l.gapEnd[i] as number;
    const fade = l.fadeTau[i] as number;
    const mainEnd = Math.min(gapStart, aliveEnd);
    if (fade > 0) this.addExp(join, mainEnd, fade, 1);
    else this.addUniform(join, mainEnd, 1);
    if (gapEnd < aliveEnd) this.addUniform(gapEnd, aliveEnd, l.tailRate[i] as number);
    const burstTau = fade > 0 ? 1 / (1 / BURST_TAU + 1 / fade) : BURST_TAU;
    this.addExp(join, mainEnd, burstTau, BURST_AMPLITUDE);
    return this;
  }

  /** A second offset drawn from the intensity, within the member's alive range. */
  sample(rng: Rng): number {
    if (this.massDays <= 0) return this.from[0] as number;
    const r = rng.next() * this.massDays;
    let k = 0;
    while (k < this.count - 1 && (this.cum[k] as number) <= r) k++;
    const a = this.from[k] as number;
    const b = this.to[k] as number;
    const u = rng.next();
    const t = this.isExp[k] ? a - (this.tau[k] as number) * Math.log(1 - u * (this.span[k] as number)) : a + u * (b - a);
    const s = Math.floor(t);
    return s < a ? a : s > b ? b : s;
  }

  private addUniform(a: number, b: number, rate: number): void {
    this.push(0, a, b, 0, 0, b > a ? (rate * (b - a)) / DAY : 0);
  }

  private addExp(a: number, b: number, tau: number, amplitude: number): void {
    const span = b > a ? 1 - Math.exp(-(b - a) / tau) : 0;
    this.push(1, a, b, tau, span, (amplitude * tau * span) / DAY);
  }

  private push(isExp: number, a: number, b: number, tau: number, span: number, mass: number): void {
    const k = this.count++;
    this.isExp[k] = isExp;
    this.from[k] = a;
    this.to[k] = Math.max(a, b);
    this.tau[k] = tau;
    this.span[k] = span;
    this.massDays += mass;
    this.cum[k] = this.massDays;
  }
}
