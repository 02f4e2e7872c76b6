/**
 * An independent oracle for the Stack Exchange tests: reads a dump file whole and picks attributes out of each
 * `<row …/>` line with a regular expression (no XML parser, nothing shared with the importer).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DUMPS = '/work/shared/data/stackexchange';

export type RefRow = (attr: string) => string | undefined;

export function refRows(site: string, file: string): RefRow[] {
  const path = join(DUMPS, site, `${file}.xml`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^\s*<row /.test(line))
    .map((line) => (attr: string) => {
      const m = new RegExp(` ${attr}="([^"]*)"`).exec(line);
      return m === null ? undefined : decode(m[1] ?? '');
    });
}

/** XML attribute-value normalisation: literal tabs and line breaks become spaces, then references are decoded. */
function decode(s: string): string {
  return s
    .replace(/[\t\n\r]/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function countBy(rows: RefRow[], attr: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const v = r(attr) ?? '';
    out.set(v, (out.get(v) ?? 0) + 1);
  }
  return out;
}

/** The documented mapping, written out again by hand (docs/importers/stackexchange.md) rather than imported. */
export const EXPECTED_VOTE_EVENTS: Record<string, string> = {
  '1': 'answer_accepted',
  '2': 'post_upvoted',
  '3': 'post_downvoted',
  '4': 'post_flagged_offensive',
  '5': 'post_favorited',
  '6': 'post_close_voted',
  '7': 'post_reopen_voted',
  '8': 'bounty_started',
  '9': 'bounty_closed',
  '10': 'post_delete_voted',
  '11': 'post_undelete_voted',
  '12': 'post_flagged_spam',
  '15': 'post_moderator_reviewed',
  '16': 'suggested_edit_approved',
};

export const EXPECTED_HISTORY_EVENTS: Record<string, string> = {
  '1': 'post_initial_revision',
  '2': 'post_initial_revision',
  '3': 'post_initial_revision',
  '4': 'post_edited',
  '5': 'post_edited',
  '6': 'post_edited',
  '10': 'post_closed',
  '12': 'post_deleted',
  '13': 'post_undeleted',
  '16': 'post_community_owned',
  '24': 'suggested_edit_applied',
  '50': 'post_bumped',
};

/** Expected number of messages per event name (`identify` for identify calls), from the reference rows. */
export function expectedCounts(site: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (event: string, n: number) => out.set(event, (out.get(event) ?? 0) + n);
  const users = refRows(site, 'Users').length;
  add('identify', users);
  add('signed_up', users);
  for (const [type, n] of countBy(refRows(site, 'Posts'), 'PostTypeId')) {
    add(type === '1' ? 'question_posted' : type === '2' ? 'answer_posted' : ['3', '4', '5'].includes(type) ? 'tag_wiki_created' : 'post_created', n);
  }
  for (const [type, n] of countBy(refRows(site, 'Votes'), 'VoteTypeId')) add(EXPECTED_VOTE_EVENTS[type] ?? 'vote_cast', n);
  for (const [type, n] of countBy(refRows(site, 'PostHistory'), 'PostHistoryTypeId')) {
    const event = EXPECTED_HISTORY_EVENTS[type];
    if (event === undefined) throw new Error(`test oracle: add PostHistoryTypeId ${type} to EXPECTED_HISTORY_EVENTS`);
    add(event, n);
  }
  add('comment_posted', refRows(site, 'Comments').length);
  add('badge_awarded', refRows(site, 'Badges').length);
  add('post_linked', refRows(site, 'PostLinks').length);
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}
