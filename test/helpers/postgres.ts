/**
 * PostgreSQL for the row-store contract tests: `SHEYUN_TEST_PG_URL` when set (CI starts a server), else a throwaway
 * cluster started here from Debian's binaries when they are installed. Each test gets a fresh database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

let url: string | undefined | null = null;

function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))).sort();
  const v = versions[versions.length - 1];
  return v ? path.join(base, v, 'bin') : undefined;
}

/** The server URL, or undefined when no PostgreSQL is available (the contract tests then say so and skip). */
export function postgresUrl(): string | undefined {
  if (url !== null) return url;
  url = process.env['SHEYUN_TEST_PG_URL'];
  if (url) return url;
  const bin = pgBin();
  if (!bin || process.getuid?.() !== 0) return (url = undefined);
  // A cluster per test process, owned by the postgres user (PostgreSQL refuses to run as root).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-pg-'));
  fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = 20000 + (process.pid % 20000);
  const asPg = (cmd: string) => spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { encoding: 'utf8' });
  const init = asPg(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
  if (init.status !== 0) return (url = undefined);
  const start = asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null`);
  if (start.status !== 0) return (url = undefined);
  process.once('exit', () => asPg(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`));
  return (url = `postgres://postgres@127.0.0.1:${port}/postgres`);
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sheyun_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
