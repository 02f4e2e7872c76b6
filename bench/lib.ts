/** Benchmark plumbing: a server subprocess, percentiles, the machine description, and result records. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchResult {
  name: string;
  target: string;
  value: string;
  met: boolean | null;
  details: Record<string, unknown>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface BenchServer {
  url: string;
  adminKey: string;
  writeKey: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startBenchServer(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, [...(process.env['BENCH_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROF']}`] : []), path.join(ROOT, 'bin/sheyun.mjs'), 'serve', '--port', '0', '--data', dataDir, '--ready-json', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, SHEYUN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = await new Promise<{ url: string; adminKey: string; writeKey: string }>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^SHEYUN_READY (.*)$/m.exec(out);
      if (m) resolve(JSON.parse(m[1]!));
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  return {
    ...ready,
    dataDir,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function basic(key: string): string {
  return 'Basic ' + Buffer.from(key + ':').toString('base64');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
