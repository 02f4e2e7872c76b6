/** The files of a Stack Exchange dump: processing order, which are required, the default platform, and the import plan. */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError, invalid } from '../../../core/index.ts';
import { LIMITS } from '../../schema.ts';
import { countRows } from './xml-rows.ts';

/**
 * Processing order. Users first (members exist before their activity), Posts second (votes, comments, history and
 * links look up the post's owner in the index built from Posts). Tags.xml is not listed: it yields no messages and
 * is read before Posts only to name tag wiki posts.
 */
export const SE_FILES: readonly string[] = ['Users', 'Posts', 'PostHistory', 'Comments', 'Votes', 'Badges', 'PostLinks'];
export const SE_REQUIRED_FILES: readonly string[] = ['Users', 'Posts'];
export const SE_TAGS_FILE = 'Tags';

export interface SeImportPlan {
  /** The file's name without `.xml`, as in SE_FILES and in chunk positions. */
  file: string;
  path: string;
  /** Number of `<row` occurrences, when the plan was made with `countRows`. */
  rows?: number;
}

export interface SeDumpPlan {
  platform: string;
  /** Files present, in processing order (Tags.xml excluded). */
  files: SeImportPlan[];
  /** Optional files (including Tags) that the dump does not have. */
  missing: string[];
}

const PLATFORM_PREFIX = 'stackexchange:';
const PLATFORM_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** `stackexchange:<directory name>`, with characters outside [A-Za-z0-9_.:-] replaced by `_`, at most 64 characters. */
export function defaultPlatform(dir: string): string {
  const name = basename(resolve(dir)).replace(/[^A-Za-z0-9_.:-]+/g, '_').replace(/^_+|_+$/g, '') || 'site';
  return (PLATFORM_PREFIX + name).slice(0, LIMITS.platformLength);
}

export function checkPlatform(platform: string): string {
  if (platform.length > LIMITS.platformLength || !PLATFORM_PATTERN.test(platform))
    throw invalid(`platform must be 1–${LIMITS.platformLength} characters from [A-Za-z0-9_.:-], got ${JSON.stringify(platform)}`, 'platform');
  return platform;
}

/** The site key used in message ids: the platform without `stackexchange:`, so a renamed folder keeps the same ids. */
export function siteKey(platform: string): string {
  return platform.startsWith(PLATFORM_PREFIX) && platform.length > PLATFORM_PREFIX.length ? platform.slice(PLATFORM_PREFIX.length) : platform;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Finds the dump's files; throws `not_found` naming Users.xml or Posts.xml when either is missing. */
export async function locateDumpFiles(dir: string): Promise<{ present: Map<string, string>; missing: string[] }> {
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false)))
    throw new AppError('not_found', `Stack Exchange dump directory ${dir} not found`, { field: 'dir' });
  const present = new Map<string, string>();
  const missing: string[] = [];
  for (const file of [...SE_FILES, SE_TAGS_FILE]) {
    const path = join(dir, `${file}.xml`);
    if (await isFile(path)) present.set(file, path);
    else if (SE_REQUIRED_FILES.includes(file))
      throw new AppError('not_found', `Stack Exchange dump in ${dir} has no ${file}.xml (required)`, { field: 'dir' });
    else missing.push(file);
  }
  return { present, missing };
}

/** What an import of `dir` would read, for a progress display; `countRows` scans each file once for `<row`. */
export async function planStackExchangeImport(dir: string, opts: { platform?: string; countRows?: boolean } = {}): Promise<SeDumpPlan> {
  const { present, missing } = await locateDumpFiles(dir);
  const files: SeImportPlan[] = [];
  for (const file of SE_FILES) {
    const path = present.get(file);
    if (path === undefined) continue;
    files.push(opts.countRows ? { file, path, rows: await countRows(path) } : { file, path });
  }
  return { platform: opts.platform === undefined ? defaultPlatform(dir) : checkPlatform(opts.platform), files, missing };
}
