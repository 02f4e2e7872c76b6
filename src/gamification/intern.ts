/**
 * The interned copy of a string that code uses as a property key (a rule id, a counter signature, a property name).
 * V8 compares interned keys by pointer; a key that is not interned (built at run time, or longer than the strings
 * JSON.parse interns) is looked up in its string table on every property access, and replay makes millions.
 */
export function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}
