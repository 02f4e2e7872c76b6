/**
 * The project's zod, extended with OpenAPI metadata before any schema is built: zod 4 attaches methods when a
 * schema is created, so a schema made before the extension could not be documented at /openapi.json.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
