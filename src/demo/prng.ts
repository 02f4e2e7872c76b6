/** A fast seeded PRNG (sfc32) with the few samplers the demo generator needs; no Math.random anywhere. */

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  x = x >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a seed and up to two small integers into one uint32 (order matters). */
export function hash3(seed: number, a: number, b = 0): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(mix32(mix32(lo ^ mix32(hi + 0x9e3779b9)) ^ (a >>> 0)) + Math.imul(b + 1, 0x27d4eb2f));
}

/** Independent random streams per member, so each pass can regenerate exactly what another pass drew. */
export const STREAM = { plan: 1, posts: 2, events: 3, profile: 4 } as const;

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit state words, floats in [0, 1). */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = Number.NaN;

  constructor(seed: number, stream = 0, index = 0) {
    this.reseed(seed, stream, index);
  }

  /** Restarts the generator on the stream identified by (seed, stream, index). */
  reseed(seed: number, stream: number, index: number): this {
    const h = hash3(seed, stream, index);
    this.a = mix32(h ^ 0xa5a5a5a5) | 0;
    this.b = mix32(h + 0x3c6ef372) | 0;
    this.c = mix32(h ^ 0x1b873593) | 0;
    this.d = 1;
    this.spare = Number.NaN;
    for (let i = 0; i < 8; i++) this.next();
    return this;
  }

  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller, the second value cached). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Number of failures before the first success, with the given mean (>= 0). */
  geometric(mean: number): number {
    if (mean <= 0) return 0;
    return Math.floor(Math.log(1 - this.next()) / Math.log(mean / (mean + 1)));
  }

  /** Binomial(n, p): exact for small n, a rounded normal approximation otherwise. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal());
    return k < 0 ? 0 : k > n ? n : k;
  }

  /** Rounds x up with probability equal to its fractional part, so the mean is preserved. */
  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }

  /** Index into a cumulative-weight table (last entry = total). */
  weighted(cumulative: Float64Array): number {
    const r = this.next() * (cumulative[cumulative.length - 1] as number);
    let i = 0;
    while ((cumulative[i] as number) <= r) i++;
    return i;
  }
}

/** Builds the cumulative table that `Rng.weighted` draws from. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i] as number;
  return out;
}
