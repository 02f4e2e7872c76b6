/**
 * Distinct (a, b, c) triples of doubles, such as BTYD histories (x, t_x, T), numbered in order of first appearance.
 * Equal as their `${a}|${b}|${c}` strings would be (−0 is 0, all NaNs are one), without building a string per row:
 * over a million rows the strings and the string-keyed Map cost more than the models they feed.
 */
import { mixDouble } from './double-hash.ts';

const same = (x: number, y: number) => x === y || (x !== x && y !== y);

export class DistinctTriples {
  /** Distinct triples so far; ids are 0 … size − 1. */
  size = 0;
  private capacity = 1024;
  private slots = new Int32Array(this.capacity).fill(-1);
  // As long as the table: it grows at half full, so a new triple always has room before it does.
  private a = new Float64Array(this.capacity);
  private b = new Float64Array(this.capacity);
  private c = new Float64Array(this.capacity);
  private count = new Float64Array(this.capacity);

  /** The triple's id, a new one (= size before the call) the first time; counts every call. */
  add(a: number, b: number, c: number): number {
    const mask = this.capacity - 1;
    let s = hash(a, b, c) & mask;
    let j = this.slots[s]!;
    while (j >= 0 && !(same(this.a[j]!, a) && same(this.b[j]!, b) && same(this.c[j]!, c))) {
      s = (s + 1) & mask;
      j = this.slots[s]!;
    }
    if (j < 0) {
      j = this.size++;
      this.slots[s] = j;
      this.a[j] = a;
      this.b[j] = b;
      this.c[j] = c;
      if (2 * this.size > this.capacity) this.grow();
    }
    this.count[j]!++;
    return j;
  }

  /** The distinct triples as they first appeared, and how many times each was added. */
  columns(): { a: Float64Array; b: Float64Array; c: Float64Array; count: Float64Array } {
    const k = this.size;
    return { a: this.a.slice(0, k), b: this.b.slice(0, k), c: this.c.slice(0, k), count: this.count.slice(0, k) };
  }

  private grow(): void {
    this.capacity *= 2;
    const mask = this.capacity - 1;
    this.slots = new Int32Array(this.capacity).fill(-1);
    for (let j = 0; j < this.size; j++) {
      let s = hash(this.a[j]!, this.b[j]!, this.c[j]!) & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = j;
    }
    for (const k of ['a', 'b', 'c', 'count'] as const) {
      const longer = new Float64Array(this.capacity);
      longer.set(this[k]);
      this[k] = longer;
    }
  }
}

function hash(a: number, b: number, c: number): number {
  return mixDouble(mixDouble(mixDouble(0, a), b), c);
}
