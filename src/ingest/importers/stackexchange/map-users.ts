/** Users.xml → one `identify` (profile traits as of the dump) and one `signed_up` per row. */
import type { IngestMessageInput } from '../../schema.ts';
import { envelope, rowId, type MapContext } from './map-context.ts';
import { defined, int, text, utc, type Row } from './row-fields.ts';

export function mapUser(row: Row, ctx: MapContext): IngestMessageInput[] {
  const id = rowId(row);
  if (id === undefined) return [];
  const traits = defined({
    name: text(row, 'DisplayName'),
    reputation: int(row, 'Reputation'),
    location: text(row, 'Location'),
    website_url: text(row, 'WebsiteUrl'),
    about_me: text(row, 'AboutMe'),
    profile_image_url: text(row, 'ProfileImageUrl'),
    views: int(row, 'Views'),
    up_votes: int(row, 'UpVotes'),
    down_votes: int(row, 'DownVotes'),
    account_id: int(row, 'AccountId'),
    se_creation_date: utc(row.CreationDate),
    last_access_date: utc(row.LastAccessDate),
  });
  return [
    { type: 'identify', userId: id, traits, ...envelope(ctx, 'Users', id, row.CreationDate) },
    { type: 'track', event: 'signed_up', userId: id, ...envelope(ctx, 'Users', id, row.CreationDate, 'signed_up') },
  ];
}
