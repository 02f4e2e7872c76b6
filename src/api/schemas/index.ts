/** Response and request schemas of the HTTP API; the console imports their inferred types (type-only). */
export * from './common.ts';
export * from './members.ts';
export * from './stats.ts';
export * from './scoring.ts';
export * from './gamification.ts';
