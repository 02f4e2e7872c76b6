/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run (when Debian's binaries are installed and
 * no SHEYUN_TEST_PG_URL is given), shared by the row-store contract tests and stopped at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))).sort();
  const v = versions[versions.length - 1];
  return v ? path.join(base, v, 'bin') : undefined;
}

export default function setup(): (() => void) | undefined {
  if (process.env['SHEYUN_TEST_PG_URL']) return undefined;
  const bin = pgBin();
  if (!bin || process.getuid?.() !== 0) return undefined;
  // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-pg-'));
  fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = 20000 + (process.pid % 20000);
  const asPg = (cmd: string) => spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { encoding: 'utf8' });
  if (asPg(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`).status !== 0) return undefined;
  const start = asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null`);
  if (start.status !== 0) return undefined;
  process.env['SHEYUN_TEST_PG_URL'] = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return () => {
    asPg(`${bin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
