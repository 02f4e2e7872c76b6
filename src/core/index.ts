/** Core: ids, typed errors, clock, logger. Imports nothing of ours. */
export * from './errors.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './logger.ts';
export { z } from './zod.ts';
export * from './domain-events.ts';
