/** PostHistory.xml → one event per revision row, named by PostHistoryTypeId; actor = the row's user. */
import type { IngestMessageInput } from '../../schema.ts';
import { rowUser, who } from './identity.ts';
import { envelope, postTypeName, rowId, type MapContext } from './map-context.ts';
import { defined, int, longText, text, type Row } from './row-fields.ts';

interface HistoryType {
  readonly name: string;
  readonly event: string;
  readonly field?: 'title' | 'body' | 'tags';
}

/** PostHistoryTypeId → name, event and edited field (https://meta.stackexchange.com/q/2677). Others → `post_history`. */
export const POST_HISTORY_TYPES: Readonly<Record<number, HistoryType>> = {
  1: { name: 'initial_title', event: 'post_initial_revision', field: 'title' },
  2: { name: 'initial_body', event: 'post_initial_revision', field: 'body' },
  3: { name: 'initial_tags', event: 'post_initial_revision', field: 'tags' },
  4: { name: 'edit_title', event: 'post_edited', field: 'title' },
  5: { name: 'edit_body', event: 'post_edited', field: 'body' },
  6: { name: 'edit_tags', event: 'post_edited', field: 'tags' },
  7: { name: 'rollback_title', event: 'post_rolled_back', field: 'title' },
  8: { name: 'rollback_body', event: 'post_rolled_back', field: 'body' },
  9: { name: 'rollback_tags', event: 'post_rolled_back', field: 'tags' },
  10: { name: 'post_closed', event: 'post_closed' },
  11: { name: 'post_reopened', event: 'post_reopened' },
  12: { name: 'post_deleted', event: 'post_deleted' },
  13: { name: 'post_undeleted', event: 'post_undeleted' },
  14: { name: 'post_locked', event: 'post_locked' },
  15: { name: 'post_unlocked', event: 'post_unlocked' },
  16: { name: 'community_owned', event: 'post_community_owned' },
  17: { name: 'post_migrated', event: 'post_migrated' },
  18: { name: 'question_merged', event: 'question_merged' },
  19: { name: 'question_protected', event: 'question_protected' },
  20: { name: 'question_unprotected', event: 'question_unprotected' },
  21: { name: 'post_disassociated', event: 'post_disassociated' },
  22: { name: 'question_unmerged', event: 'question_unmerged' },
  24: { name: 'suggested_edit_applied', event: 'suggested_edit_applied' },
  25: { name: 'post_tweeted', event: 'post_tweeted' },
  31: { name: 'comment_discussion_moved_to_chat', event: 'comments_moved_to_chat' },
  33: { name: 'post_notice_added', event: 'post_notice_added' },
  34: { name: 'post_notice_removed', event: 'post_notice_removed' },
  35: { name: 'post_migrated_away', event: 'post_migrated_away' },
  36: { name: 'post_migrated_here', event: 'post_migrated_here' },
  37: { name: 'post_merge_source', event: 'post_merge_source' },
  38: { name: 'post_merge_destination', event: 'post_merge_destination' },
  50: { name: 'bumped_by_community_user', event: 'post_bumped' },
  52: { name: 'question_became_hot_network', event: 'question_hot_network' },
  53: { name: 'question_removed_from_hot_network', event: 'question_hot_network_removed' },
  66: { name: 'created_from_ask_wizard', event: 'question_created_from_ask_wizard' },
};

export function mapPostHistory(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  const historyType = int(row, 'PostHistoryTypeId');
  const postId = int(row, 'PostId');
  if (id === undefined || historyType === undefined || postId === undefined) return [];
  const post = ctx.posts.get(postId);
  const known = POST_HISTORY_TYPES[historyType];
  const properties = defined({
    post_history_id: Number(id),
    post_history_type_id: historyType,
    post_history_type: known?.name,
    field: known?.field,
    post_id: postId,
    post_type: post === undefined ? undefined : postTypeName(post.type),
    post_missing: post === undefined ? true : undefined,
    revision_guid: text(row, 'RevisionGUID', 64),
    comment: text(row, 'Comment'),
    content_license: text(row, 'ContentLicense', 64),
    user_display_name: row.UserId ? undefined : text(row, 'UserDisplayName', 255),
    ...longText(row, 'Text', 'text'),
  });
  return [
    {
      type: 'track',
      event: known?.event ?? 'post_history',
      ...who(rowUser(row, 'UserId', 'UserDisplayName'), post?.owner),
      properties,
      ...envelope(ctx, 'PostHistory', id, row.CreationDate),
    },
  ];
}
