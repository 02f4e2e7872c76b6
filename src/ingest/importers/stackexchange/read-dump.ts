/**
 * Streams a Stack Exchange dump as ingest messages, in chunks of rows, resumable at any (file, row) position.
 * The only state kept across rows is the post index (9 bytes per post id) and the tag wiki names.
 */
import type { IngestMessageInput } from '../../schema.ts';
import { invalid } from '../../../core/index.ts';
import { checkPlatform, defaultPlatform, locateDumpFiles, SE_FILES, SE_TAGS_FILE, siteKey } from './dump-files.ts';
import { mapBadge, mapComment, mapPostLink } from './map-activity.ts';
import type { MapContext, RowMapper } from './map-context.ts';
import { mapPostHistory } from './map-post-history.ts';
import { indexPost, mapPost } from './map-posts.ts';
import { mapUser } from './map-users.ts';
import { mapVote } from './map-votes.ts';
import { PostIndex } from './post-index.ts';
import { int } from './row-fields.ts';
import { xmlRows } from './xml-rows.ts';

export interface SeChunk {
  file: string;
  /** Rows of `file` consumed so far, this chunk included: pass `{ file, row }` as `startAt` to continue after it. */
  row: number;
  messages: IngestMessageInput[];
}

export interface SeWarning {
  code: 'missing_file' | 'row_skipped';
  file: string;
  /** 0-based row index within the file, for `row_skipped`. */
  row?: number;
  message: string;
}

export interface SeReadOptions {
  /** Default `stackexchange:<directory name>`, sanitised to [A-Za-z0-9_.:-]. */
  platform?: string;
  /** Resume: skip the first `row` rows of `file` and every file before it (Posts is still read to rebuild the index). */
  startAt?: { file: string; row: number };
  /** Rows per yielded chunk (default 500). A row yields 0–2 messages (Users rows yield 2). */
  chunkRows?: number;
  /** Called for each missing optional file (before the first chunk) and each row that cannot be mapped. */
  onWarning?: (warning: SeWarning) => void;
}

export interface SeReadSummary {
  platform: string;
  missing: string[];
  /** Rows read per file, including rows skipped by `startAt`. */
  rows: Record<string, number>;
  messages: number;
  skippedRows: number;
}

const MAPPERS: Readonly<Record<string, RowMapper>> = {
  Users: mapUser,
  Posts: mapPost,
  PostHistory: mapPostHistory,
  Comments: mapComment,
  Votes: mapVote,
  Badges: mapBadge,
  PostLinks: mapPostLink,
};

async function readTagWikis(path: string | undefined): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (path === undefined) return names;
  for await (const row of xmlRows(path)) {
    const tag = row.TagName;
    if (tag === undefined) continue;
    for (const attr of ['ExcerptPostId', 'WikiPostId']) {
      const postId = int(row, attr);
      if (postId !== undefined) names.set(postId, tag);
    }
  }
  return names;
}

export async function* readStackExchangeDump(dir: string, opts: SeReadOptions = {}): AsyncGenerator<SeChunk, SeReadSummary, undefined> {
  const platform = opts.platform === undefined ? defaultPlatform(dir) : checkPlatform(opts.platform);
  const chunkRows = opts.chunkRows ?? 500;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw invalid('chunkRows must be a positive integer', 'chunkRows');
  const startIndex = opts.startAt === undefined ? 0 : SE_FILES.indexOf(opts.startAt.file);
  const startRow = opts.startAt?.row ?? 0;
  if (startIndex < 0) throw invalid(`startAt.file must be one of ${SE_FILES.join(', ')}`, 'startAt.file');
  if (!Number.isInteger(startRow) || startRow < 0) throw invalid('startAt.row must be a non-negative integer', 'startAt.row');

  const { present, missing } = await locateDumpFiles(dir);
  for (const file of missing) opts.onWarning?.({ code: 'missing_file', file, message: `${file}.xml is not in the dump; skipped` });

  const needsTags = startIndex <= SE_FILES.indexOf('Posts');
  const ctx: MapContext = {
    site: siteKey(platform),
    platform,
    posts: new PostIndex(),
    tagWikis: needsTags ? await readTagWikis(present.get(SE_TAGS_FILE)) : new Map(),
  };
  const summary: SeReadSummary = { platform, missing, rows: {}, messages: 0, skippedRows: 0 };

  for (const [fileIndex, file] of SE_FILES.entries()) {
    const path = present.get(file);
    if (path === undefined) continue;
    const skip = fileIndex < startIndex ? Infinity : fileIndex === startIndex ? startRow : 0;
    if (skip === Infinity && file !== 'Posts') continue; // nothing later depends on it
    const map = MAPPERS[file];
    if (map === undefined) continue;

    let row = 0;
    let batch: IngestMessageInput[] = [];
    let batchRows = 0;
    for await (const attrs of xmlRows(path)) {
      if (file === 'Posts') indexPost(attrs, ctx);
      if (row < skip) {
        row++;
        continue;
      }
      const messages = map(attrs, ctx);
      if (messages.length === 0) {
        summary.skippedRows++;
        opts.onWarning?.({ code: 'row_skipped', file, row, message: `${file}.xml row ${row} (Id ${attrs.Id ?? 'missing'}) lacks a required attribute` });
      }
      for (const m of messages) batch.push(m);
      row++;
      if (++batchRows >= chunkRows) {
        summary.messages += batch.length;
        yield { file, row, messages: batch };
        batch = [];
        batchRows = 0;
      }
    }
    if (batchRows > 0) {
      summary.messages += batch.length;
      yield { file, row, messages: batch };
    }
    summary.rows[file] = row;
  }
  return summary;
}
