/** Turns untrusted JSON into a SegmentNode, or an `invalid_request` AppError naming the offending field path. */
import { AppError, type z } from '../core/index.ts';
import { segmentNode, type SegmentNode } from './ast.ts';

/**
 * `field` prefixes the reported path when the segment sits inside a larger body (e.g. `definition`), so the
 * client sees `definition.of.1.value`. Every issue is kept in `details`; the message names the first.
 */
export function parseSegment(input: unknown, field?: string): SegmentNode {
  const parsed = segmentNode.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: fieldOf(field, i), message: i.message }));
  const first = issues[0] ?? { field: field ?? '', message: 'invalid segment' };
  throw new AppError('invalid_request', `${first.field || 'segment'}: ${first.message}`, {
    field: first.field,
    details: issues,
    cause: parsed.error,
  });
}

function fieldOf(prefix: string | undefined, issue: z.core.$ZodIssue): string {
  // An unexpected key is reported on its object; naming the key itself tells the client what to remove.
  const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  return [...(prefix ? [prefix] : []), ...issue.path.map(String), ...extra].join('.');
}
