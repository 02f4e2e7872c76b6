/** Shared CLI plumbing: global flags → Config, opening the stores, printing errors that name what went wrong. */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config, type ConfigInput } from '../config/index.ts';
import { ZodError } from 'zod';
import { AppError } from '../core/index.ts';
import { openSheyun, type OpenOptions, type Sheyun } from '../main.ts';

export interface GlobalFlags {
  data?: string;
  workspace?: string;
  logLevel?: string;
}

export function configFrom(cmd: Command, extra: Partial<ConfigInput> = {}): Config {
  const g = cmd.optsWithGlobals<GlobalFlags>();
  return loadConfig({
    ...(g.data ? { dataDir: g.data } : {}),
    ...(g.workspace ? { workspace: g.workspace } : {}),
    ...(g.logLevel ? { logLevel: g.logLevel as Config['logLevel'] } : {}),
    ...extra,
  });
}

/** Opens the stores for one command and always closes them. */
export async function withSheyun<T>(cmd: Command, opts: OpenOptions & { config?: Partial<ConfigInput> }, fn: (s: Sheyun) => Promise<T>): Promise<T> {
  const s = await openSheyun(configFrom(cmd, opts.config), opts);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

export class CliError extends Error {}

/** Prints an error for a person (no stack unless it is a bug) and sets a failing exit code. */
export function reportError(err: unknown): void {
  if (err instanceof ConfigError || err instanceof CliError) process.stderr.write(`sheyun: ${err.message}\n`);
  else if (err instanceof ZodError) {
    for (const i of err.issues.slice(0, 5)) process.stderr.write(`sheyun: ${i.path.map(String).join('.') || 'input'}: ${i.message}\n`);
  } else if (err instanceof AppError) process.stderr.write(`sheyun: ${err.message}${err.field ? ` (field: ${err.field})` : ''} [${err.code}]\n`);
  else if (err instanceof Error && /lock/i.test(err.message) && /duckdb|\.duckdb/i.test(err.message)) {
    process.stderr.write(`sheyun: the column store is in use by another process (a running server?): ${err.message}\n`);
  } else process.stderr.write(`sheyun: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
