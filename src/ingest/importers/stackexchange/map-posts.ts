/** Posts.xml → `question_posted`, `answer_posted`, `tag_wiki_created` or `post_created`, by PostTypeId. */
import type { IngestMessageInput } from '../../schema.ts';
import { deletedUserRef, rowUser, who } from './identity.ts';
import { envelope, postTypeName, rowId, type MapContext } from './map-context.ts';
import { defined, int, longText, tagList, text, utc, type Row } from './row-fields.ts';

const EVENT_BY_POST_TYPE: Readonly<Record<number, string>> = {
  1: 'question_posted',
  2: 'answer_posted',
  3: 'tag_wiki_created',
  4: 'tag_wiki_created',
  5: 'tag_wiki_created',
};

/** Records the post in the index (every row, also rows skipped on resume). */
export function indexPost(row: Row, ctx: MapContext): void {
  const id = int(row, 'Id');
  const type = int(row, 'PostTypeId');
  if (id === undefined || type === undefined) return;
  ctx.posts.add(id, type, row.OwnerUserId?.trim() || undefined, row.OwnerDisplayName?.trim() || undefined, int(row, 'ParentId'));
}

export function mapPost(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  const type = int(row, 'PostTypeId');
  if (id === undefined || type === undefined) return [];
  const postId = Number(id);
  const owner = rowUser(row, 'OwnerUserId', 'OwnerDisplayName') ?? deletedUserRef(undefined);
  const parentId = int(row, 'ParentId');
  const parentOwner = type === 2 && parentId !== undefined ? ctx.posts.get(parentId)?.owner : undefined;
  const common = {
    post_id: postId,
    post_type: postTypeName(type),
    post_type_id: type,
    score: int(row, 'Score'),
    comment_count: int(row, 'CommentCount'),
    community_owned: row.CommunityOwnedDate !== undefined,
    community_owned_date: utc(row.CommunityOwnedDate),
    last_edit_date: utc(row.LastEditDate),
    last_activity_date: utc(row.LastActivityDate),
    content_license: text(row, 'ContentLicense', 64),
    owner_display_name: row.OwnerUserId ? undefined : text(row, 'OwnerDisplayName', 255),
    ...longText(row, 'Body', 'body'),
  };
  const specific =
    type === 1
      ? {
          title: text(row, 'Title'),
          tags: tagList(row.Tags),
          view_count: int(row, 'ViewCount'),
          answer_count: int(row, 'AnswerCount'),
          favorite_count: int(row, 'FavoriteCount'),
          accepted_answer_id: int(row, 'AcceptedAnswerId'),
          closed_date: utc(row.ClosedDate),
        }
      : type === 2
        ? { parent_id: parentId }
        : type >= 3 && type <= 5
          ? { tag: ctx.tagWikis.get(postId), parent_id: parentId }
          : { title: text(row, 'Title'), parent_id: parentId };
  return [
    {
      type: 'track',
      event: EVENT_BY_POST_TYPE[type] ?? 'post_created',
      ...who(owner, parentOwner),
      properties: defined({ ...common, ...specific }),
      ...envelope(ctx, 'Posts', id, row.CreationDate),
    },
  ];
}
