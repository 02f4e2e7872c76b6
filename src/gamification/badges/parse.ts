/**
 * Untrusted JSON to badge definitions, or an `invalid_request` AppError whose `field` is the offending path
 * (`badges.3.criterion.n`), with every issue in `details`.
 */
import { AppError, z } from '../../core/index.ts';
import { badgeDefinition, type BadgeDefinition } from './criteria.ts';

const definitions = z.array(badgeDefinition).max(500).superRefine((defs, ctx) => {
  const seen = new Set<string>();
  defs.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate badge id ${d.id}` });
    seen.add(d.id);
  });
});

/** `field` prefixes the reported paths when the list sits inside a larger document (default `badges`). */
export function parseBadgeDefinitions(input: unknown, field = 'badges'): BadgeDefinition[] {
  const parsed = definitions.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: fieldOf(field, i), message: i.message }));
  const first = issues[0] ?? { field, message: 'invalid badge definitions' };
  throw new AppError('invalid_request', `${first.field}: ${first.message}`, { field: first.field, details: issues, cause: parsed.error });
}

function fieldOf(prefix: string, issue: z.core.$ZodIssue): string {
  // An unexpected key is reported on its object; naming the key itself tells the client what to remove.
  const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  return [prefix, ...issue.path.map(String), ...extra].filter((s) => s !== '').join('.');
}
