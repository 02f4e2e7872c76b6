/** Starts the real server as a child process (`sheyun serve`) on a free port with its own data directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './stores.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestServer {
  url: string;
  adminKey: string;
  writeKey: string;
  dataDir: string;
  process: ChildProcess;
  /** Output so far (stdout + stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
  kill(): void;
}

export async function startServer(opts: { demoMembers?: number; dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir('sheyun-server-');
  const args = [path.join(REPO_ROOT, 'bin/sheyun.mjs'), 'serve', '--port', '0', '--data', dataDir, '--ready-json'];
  if (opts.demoMembers && opts.demoMembers > 0) args.push('--demo-members', String(opts.demoMembers));
  else args.push('--no-demo');
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, SHEYUN_LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = await new Promise<{ url: string; adminKey: string; writeKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), opts.timeoutMs ?? 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^SHEYUN_READY (.*)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    ...ready,
    dataDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: () => void child.kill('SIGKILL'),
  };
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** fetch with a key: Basic for write keys (Segment style), Bearer for admin keys. */
export function authHeaders(key: string): Record<string, string> {
  return key.startsWith('sy_w_')
    ? { authorization: 'Basic ' + Buffer.from(key + ':').toString('base64'), 'content-type': 'application/json' }
    : { authorization: 'Bearer ' + key, 'content-type': 'application/json' };
}
