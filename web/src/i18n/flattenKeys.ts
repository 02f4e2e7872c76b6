/** Lists the dotted key paths of a nested message object (used to compare languages). */
export function flattenKeys(obj: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) out.push(...flattenKeys(v as object, path));
    else out.push(path);
  }
  return out.sort();
}
