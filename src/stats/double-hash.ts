/**
 * Doubles by their bits: where the two 32-bit halves sit, and hashes of them for exact-match tables over a million
 * values (a Map keyed by strings or by heap numbers allocates per key, an Int32Array open-addressing table does not).
 */

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

/** Where a double's high and low 32-bit halves sit in an Int32Array view of its bytes (the platform's order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
export const LO = LITTLE_ENDIAN ? 0 : 1;
export const HI = 1 - LO;

/** A double's high and low 32-bit halves to a well-spread 32-bit hash: the table slot is its low bits. */
export function hashBits(hi: number, lo: number): number {
  return finishHash(Math.imul(hi, 0x9e3779b1) ^ lo);
}

/**
 * Mixes one double into a running hash. Keys that compare equal hash equally: −0 as +0 (−0 === 0) and every NaN as
 * the one canonical NaN (the tables that accept NaN treat all NaNs as one key).
 */
export function mixDouble(h: number, v: number): number {
  F64[0] = v === 0 ? 0 : v === v ? v : NaN;
  return finishHash(Math.imul(h, 0x01000193) ^ Math.imul(I32[HI]!, 0x9e3779b1) ^ I32[LO]!);
}

/** Murmur3's finaliser: spreads every input bit over the low bits that pick the table slot. */
function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
