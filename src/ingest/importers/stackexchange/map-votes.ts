/**
 * Votes.xml → one event per row, by VoteTypeId. Public dumps hide the voter except on favourites and bounties, so
 * most vote events have no actor and are about the post's owner (`target`). Accepts are made by the asker.
 */
import type { IngestMessageInput } from '../../schema.ts';
import { rowUser, type MemberRef, who } from './identity.ts';
import { envelope, postTypeName, rowId, type MapContext } from './map-context.ts';
import { defined, int, type Row } from './row-fields.ts';

interface VoteType {
  readonly name: string;
  readonly event: string;
}

/** VoteTypeId → name and event (https://meta.stackexchange.com/q/2677). Ids not listed map to `vote_cast`. */
export const VOTE_TYPES: Readonly<Record<number, VoteType>> = {
  1: { name: 'accepted_by_originator', event: 'answer_accepted' },
  2: { name: 'up_mod', event: 'post_upvoted' },
  3: { name: 'down_mod', event: 'post_downvoted' },
  4: { name: 'offensive', event: 'post_flagged_offensive' },
  5: { name: 'favorite', event: 'post_favorited' },
  6: { name: 'close', event: 'post_close_voted' },
  7: { name: 'reopen', event: 'post_reopen_voted' },
  8: { name: 'bounty_start', event: 'bounty_started' },
  9: { name: 'bounty_close', event: 'bounty_closed' },
  10: { name: 'deletion', event: 'post_delete_voted' },
  11: { name: 'undeletion', event: 'post_undelete_voted' },
  12: { name: 'spam', event: 'post_flagged_spam' },
  15: { name: 'moderator_review', event: 'post_moderator_reviewed' },
  16: { name: 'approve_edit_suggestion', event: 'suggested_edit_approved' },
};

export function mapVote(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  const voteType = int(row, 'VoteTypeId');
  const postId = int(row, 'PostId');
  if (id === undefined || voteType === undefined || postId === undefined) return [];
  const post = ctx.posts.get(postId);
  const known = VOTE_TYPES[voteType];

  let actor: MemberRef | undefined = rowUser(row, 'UserId', 'UserDisplayName');
  let questionId: number | undefined;
  if (voteType === 1 && actor === undefined && post?.parentId !== undefined) {
    questionId = post.parentId;
    actor = ctx.posts.get(questionId)?.owner; // the asker accepts
  }
  const properties = defined({
    vote_id: Number(id),
    vote_type_id: voteType,
    vote_type: known?.name,
    post_id: postId,
    post_type: post === undefined ? undefined : postTypeName(post.type),
    post_missing: post === undefined ? true : undefined,
    question_id: questionId,
    bounty_amount: int(row, 'BountyAmount'),
  });
  return [
    {
      type: 'track',
      event: known?.event ?? 'vote_cast',
      ...who(actor, post?.owner),
      properties,
      ...envelope(ctx, 'Votes', id, row.CreationDate),
    },
  ];
}
