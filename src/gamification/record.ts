/**
 * An empty record for keys added at run time, one by one (badge ids as members earn or count towards them): an object
 * without a prototype, which V8 keeps as a small hash table. Plain objects like these take hundreds of shapes (one per
 * order their keys came in), and a property read among that many shapes cost more than the hash lookup in replay,
 * which reads them on most events (measured; for the points totals by rule it did not pay). JSON of the two is the
 * same.
 */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
