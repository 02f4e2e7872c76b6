/**
 * Sorting a million doubles with their positions, by an LSD radix sort of their bits. The numeric typed-array sort
 * cannot carry the positions along, a comparator sort over positions takes seconds, and a binary search per value
 * afterwards misses the cache on every step once the values are continuous (days, amounts, slopes).
 */
import { HI, LO } from './double-hash.ts';

/** Bits per digit: 2048 buckets keep the counts and the scatter's write positions in the L1/L2 caches. */
const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
/** The high 32 bits of the key in digits of 11, 11 and 10 bits, least significant first. */
const SHIFTS = [0, 11, 22];
/** Runs of equal high halves up to this long are ordered by insertion; longer ones by radix on the low half. */
const SHORT_RUN = 32;

export interface SortedDoubles {
  /** Positions of the non-NaN values, ascending by value; equal values keep their input order. */
  order: Int32Array;
  /** The values' keys in that order: equal doubles (−0 and +0 included) have equal (hi, lo). */
  hi: Int32Array;
  lo: Int32Array;
  /** How many values are not NaN (the used length of order, hi and lo). */
  count: number;
}

/**
 * Ascending order of the non-NaN values. The 64-bit key keeps the order of the doubles when compared as unsigned
 * integers: a positive double gets its sign bit set, a negative one all its bits flipped (so larger magnitudes come
 * first); −0 is keyed as +0 because −0 < +0 is false. Only the high halves (sign, exponent, 20 bits of mantissa) go
 * through the radix passes, skipping those where every key has the same digit; values that share a high half are
 * few and adjacent afterwards, and are ordered by their low halves in place. That halves the passes over memory.
 */
export function sortDoubles(values: ArrayLike<number>): SortedDoubles {
  const n = values.length;
  const column = values instanceof Float64Array ? values : Float64Array.from(values);
  const bits = new Int32Array(column.buffer, column.byteOffset, 2 * n);
  let hi = new Int32Array(n);
  let order = new Int32Array(n);
  const counts = new Int32Array(SHIFTS.length * RADIX);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    if (v !== v) continue;
    let h = v === 0 ? 0 : bits[2 * i + HI]!;
    h = h < 0 ? ~h : h | 0x80000000;
    hi[m] = h;
    order[m] = i;
    counts[h & MASK]!++;
    counts[RADIX + ((h >>> 11) & MASK)]!++;
    counts[2 * RADIX + (h >>> 22)]!++;
    m++;
  }
  let hi2 = new Int32Array(m);
  let order2 = new Int32Array(m);
  const offsets = new Int32Array(RADIX);
  for (let d = 0; d < SHIFTS.length; d++) {
    if (!prefixSums(counts, d * RADIX, RADIX, m, offsets)) continue;
    const shift = SHIFTS[d]!;
    for (let i = 0; i < m; i++) {
      const p = offsets[(hi[i]! >>> shift) & MASK]!++;
      hi2[p] = hi[i]!;
      order2[p] = order[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  }
  const lo = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    const l = bits[2 * order[p]! + LO]!; // ±0 both have a zero low half
    lo[p] = hi[p]! < 0 ? l : ~l;
  }
  for (let start = 0; start < m; ) {
    let end = start + 1;
    while (end < m && hi[end] === hi[start]) end++;
    if (end - start > SHORT_RUN) sortRunByRadix(lo, order, start, end);
    else if (end - start > 1) sortRunByInsertion(lo, order, start, end);
    start = end;
  }
  return { order, hi, lo, count: m };
}

/** Exclusive prefix sums of counts[base … base + radix) into offsets; false when one bucket holds all m (a no-op pass). */
function prefixSums(counts: Int32Array, base: number, radix: number, m: number, offsets: Int32Array): boolean {
  let sum = 0;
  for (let b = 0; b < radix; b++) {
    const c = counts[base + b]!;
    if (c === m) return false;
    offsets[b] = sum;
    sum += c;
  }
  return true;
}

/** Unsigned comparison of the low halves: flipping the sign bit makes the signed order the unsigned one. */
function sortRunByInsertion(lo: Int32Array, order: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const l = lo[i]!;
    const o = order[i]!;
    const key = l ^ 0x80000000;
    let j = i - 1;
    while (j >= start && (lo[j]! ^ 0x80000000) > key) {
      lo[j + 1] = lo[j]!;
      order[j + 1] = order[j]!;
      j--;
    }
    lo[j + 1] = l;
    order[j + 1] = o;
  }
}

/** LSD radix on the low halves in 8-bit digits: 256 buckets are cheap to clear for every long run. */
function sortRunByRadix(lo: Int32Array, order: Int32Array, start: number, end: number): void {
  const len = end - start;
  const counts = new Int32Array(4 * 256);
  for (let i = start; i < end; i++) {
    const l = lo[i]!;
    counts[l & 255]!++;
    counts[256 + ((l >>> 8) & 255)]!++;
    counts[512 + ((l >>> 16) & 255)]!++;
    counts[768 + (l >>> 24)]!++;
  }
  let a = lo.slice(start, end);
  let ao = order.slice(start, end);
  let b = new Int32Array(len);
  let bo = new Int32Array(len);
  const offsets = new Int32Array(256);
  for (let d = 0; d < 4; d++) {
    if (!prefixSums(counts, d * 256, 256, len, offsets)) continue;
    const shift = 8 * d;
    for (let i = 0; i < len; i++) {
      const p = offsets[(a[i]! >>> shift) & 255]!++;
      b[p] = a[i]!;
      bo[p] = ao[i]!;
    }
    [a, b] = [b, a];
    [ao, bo] = [bo, ao];
  }
  lo.set(a, start);
  order.set(ao, start);
}
