/** The Hono environment of every route: the composed application and the authenticated key. */
import type { Sheyun } from '../main.ts';
import type { AuthenticatedKey } from '../store/index.ts';

export interface AppEnv {
  Variables: {
    sheyun: Sheyun;
    auth: AuthenticatedKey;
  };
}
