// The worker side of leaderboard-thread.ts. Plain JavaScript: worker threads do not inherit the TypeScript loader, so
// it registers it (a second registration, when the parent was started with `--import tsx`, is harmless) and then runs
// the TypeScript side.
import { register } from 'tsx/esm/api';

register();
await import('./leaderboard-thread-serve.ts');
