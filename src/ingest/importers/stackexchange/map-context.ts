/** What every row mapper shares: the site key, the platform, the post lookup, and the envelope of each message. */
import type { IngestMessageInput } from '../../schema.ts';
import type { PostIndex } from './post-index.ts';
import { utc, type Row } from './row-fields.ts';

export interface MapContext {
  /** The site key in message ids: the platform without its `stackexchange:` prefix. */
  readonly site: string;
  readonly platform: string;
  readonly posts: PostIndex;
  /** Tag wiki post id → tag name, from Tags.xml (empty when Tags.xml is missing). */
  readonly tagWikis: ReadonlyMap<number, string>;
}

/** Maps one row to its messages; an empty array means the row was skipped (the caller reports it). */
export type RowMapper = (row: Row, ctx: MapContext) => IngestMessageInput[];

/** Row ids are short integers in every dump; anything else cannot make a stable message id. */
export function rowId(row: Row): string | undefined {
  const id = row.Id?.trim();
  return id !== undefined && /^-?\d{1,20}$/.test(id) ? id : undefined;
}

/** `se:<site>:<file>:<Id>[:<suffix>]`: deterministic, unique per source row and event. */
export function messageId(ctx: MapContext, file: string, id: string, suffix?: string): string {
  return suffix === undefined ? `se:${ctx.site}:${file}:${id}` : `se:${ctx.site}:${file}:${id}:${suffix}`;
}

/** The fields every message from one row carries: messageId, platform and the row's UTC timestamp. */
export function envelope(ctx: MapContext, file: string, id: string, date: string | undefined, suffix?: string) {
  const timestamp = utc(date);
  return {
    messageId: messageId(ctx, file, id, suffix),
    platform: ctx.platform,
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

const POST_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'question',
  2: 'answer',
  3: 'orphaned_tag_wiki',
  4: 'tag_wiki_excerpt',
  5: 'tag_wiki',
  6: 'moderator_nomination',
  7: 'wiki_placeholder',
  8: 'privilege_wiki',
  9: 'article',
  10: 'help_article',
  12: 'collection',
  13: 'moderator_questionnaire_response',
  14: 'announcement',
  15: 'collective_discussion',
  17: 'collective_collection',
};

/** The PostTypeId's name (`question`, `answer`, …), or `type_<n>` for ids the schema reference does not list. */
export function postTypeName(type: number): string {
  return POST_TYPE_NAMES[type] ?? `type_${type}`;
}
