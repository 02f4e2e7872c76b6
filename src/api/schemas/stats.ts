/** The overview page's numbers: counts from the row store, per-day series from the column store. */
import { z } from '@hono/zod-openapi';

export const overviewSchema = z
  .object({
    workspace: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
    members: z.number().int().openapi({ description: 'live members (merged-away profiles excluded)' }),
    events: z.number().int().openapi({ description: 'all events in the log' }),
    eventsToday: z.number().int().openapi({ description: 'events with a timestamp in today, workspace time zone' }),
    eventsByName: z.array(z.object({ name: z.string(), count: z.number().int() })),
    eventsPerDay: z.array(z.object({ day: z.string().openapi({ example: '2026-11-26' }), count: z.number().int() })),
    /** Events acknowledged but not yet in the column store (the per-day series lags by this much). */
    columnizerLag: z.number().int(),
    timeZone: z.string(),
    generatedAt: z.string(),
  })
  .openapi('Overview');
export type Overview = z.infer<typeof overviewSchema>;
