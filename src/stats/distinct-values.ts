/**
 * The distinct values of a column that repeats a lot (counts, amounts, scores, mostly-zero lifetime values), found
 * by hashing in one pass: ranking a few thousand distinct values then costs a few thousand, not a million.
 */
import { hashBits, HI, LO } from './double-hash.ts';

export interface DistinctValues {
  /** Per input position, the index of its value in `values`; −1 for NaN. */
  id: Int32Array;
  /** The distinct non-NaN values in order of first appearance (−0 is stored as +0, its equal). */
  values: Float64Array;
  /** How many inputs have each value. */
  counts: Int32Array;
}

/** undefined as soon as there are more than `limit` distinct values: the caller sorts the column instead. */
export function distinctValues(column: Float64Array, limit: number): DistinctValues | undefined {
  const n = column.length;
  const bits = new Int32Array(column.buffer, column.byteOffset, 2 * n);
  const id = new Int32Array(n);
  let capacity = 1024;
  let slots: Int32Array = new Int32Array(capacity).fill(-1);
  // As long as the table: the table grows at half full, so a new value always has room before it does.
  let values = new Float64Array(capacity);
  let counts = new Int32Array(capacity);
  let size = 0;
  // Runs of one value (sorted input, or the zeros of never-purchased members) skip the table.
  let last = NaN;
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    if (v !== v) {
      id[i] = -1;
      continue;
    }
    if (v === last) {
      id[i] = lastId;
      counts[lastId]!++;
      continue;
    }
    const zero = v === 0; // −0 and +0 must meet in one slot
    const mask = capacity - 1;
    let s = (zero ? 0 : hashBits(bits[2 * i + HI]!, bits[2 * i + LO]!)) & mask;
    let j = slots[s]!;
    while (j >= 0 && values[j] !== v) {
      s = (s + 1) & mask;
      j = slots[s]!;
    }
    if (j < 0) {
      if (size >= limit) return undefined;
      j = size++;
      slots[s] = j;
      values[j] = zero ? 0 : v;
      if (2 * size > capacity) {
        capacity *= 2;
        slots = rehash(values, size, capacity);
        const longerValues = new Float64Array(capacity);
        longerValues.set(values);
        values = longerValues;
        const longerCounts = new Int32Array(capacity);
        longerCounts.set(counts);
        counts = longerCounts;
      }
    }
    counts[j]!++;
    id[i] = j;
    last = v;
    lastId = j;
  }
  return { id, values: values.subarray(0, size), counts: counts.subarray(0, size) };
}

function rehash(values: Float64Array, size: number, capacity: number): Int32Array {
  const bits = new Int32Array(values.buffer, values.byteOffset, 2 * size);
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  for (let j = 0; j < size; j++) {
    let s = (values[j] === 0 ? 0 : hashBits(bits[2 * j + HI]!, bits[2 * j + LO]!)) & mask;
    while (slots[s]! >= 0) s = (s + 1) & mask;
    slots[s] = j;
  }
  return slots;
}
