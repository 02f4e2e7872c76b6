/** Comments.xml → `comment_posted`, Badges.xml → `badge_awarded`, PostLinks.xml → `post_linked`. */
import type { IngestMessageInput } from '../../schema.ts';
import { deletedUserRef, rowUser, who } from './identity.ts';
import { envelope, postTypeName, rowId, type MapContext } from './map-context.ts';
import { bool, defined, int, longText, text, type Row } from './row-fields.ts';

export function mapComment(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  const postId = int(row, 'PostId');
  if (id === undefined || postId === undefined) return [];
  const post = ctx.posts.get(postId);
  const author = rowUser(row, 'UserId', 'UserDisplayName') ?? deletedUserRef(undefined);
  const properties = defined({
    comment_id: Number(id),
    post_id: postId,
    post_type: post === undefined ? undefined : postTypeName(post.type),
    post_missing: post === undefined ? true : undefined,
    score: int(row, 'Score'),
    content_license: text(row, 'ContentLicense', 64),
    user_display_name: row.UserId ? undefined : text(row, 'UserDisplayName', 255),
    ...longText(row, 'Text', 'text'),
  });
  return [{ type: 'track', event: 'comment_posted', ...who(author, post?.owner), properties, ...envelope(ctx, 'Comments', id, row.CreationDate) }];
}

const BADGE_CLASSES: Readonly<Record<number, string>> = { 1: 'gold', 2: 'silver', 3: 'bronze' };

export function mapBadge(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  if (id === undefined) return [];
  const classId = int(row, 'Class');
  const properties = defined({
    badge_id: Number(id),
    name: text(row, 'Name', 255),
    class: classId === undefined ? undefined : BADGE_CLASSES[classId],
    class_id: classId,
    tag_based: bool(row, 'TagBased'),
  });
  const holder = rowUser(row, 'UserId', 'UserDisplayName') ?? deletedUserRef(undefined);
  return [{ type: 'track', event: 'badge_awarded', ...who(holder, undefined), properties, ...envelope(ctx, 'Badges', id, row.Date) }];
}

const LINK_TYPES: Readonly<Record<number, string>> = { 1: 'linked', 3: 'duplicate' };

export function mapPostLink(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  const postId = int(row, 'PostId');
  const relatedId = int(row, 'RelatedPostId');
  if (id === undefined || postId === undefined || relatedId === undefined) return [];
  const post = ctx.posts.get(postId);
  const related = ctx.posts.get(relatedId);
  const linkType = int(row, 'LinkTypeId');
  const properties = defined({
    link_id: Number(id),
    post_id: postId,
    related_post_id: relatedId,
    link_type_id: linkType,
    link_type: linkType === undefined ? undefined : (LINK_TYPES[linkType] ?? `type_${linkType}`),
    post_missing: post === undefined ? true : undefined,
    related_post_missing: related === undefined ? true : undefined,
  });
  return [{ type: 'track', event: 'post_linked', ...who(post?.owner, related?.owner), properties, ...envelope(ctx, 'PostLinks', id, row.CreationDate) }];
}
