/** Shared response pieces: the error envelope and pagination. */
import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorSchema>;

export const cursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'page size (1–200)' }),
  cursor: z.string().max(200).optional().openapi({ description: 'opaque cursor from the previous page' }),
});
