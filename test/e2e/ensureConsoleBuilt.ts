/**
 * Builds the web console into web/dist when it is missing or older than its sources (the server serves it).
 * Browser test files run in parallel workers: a lock directory makes one build while the others wait for it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web = path.join(repo, 'web');
const index = path.join(web, 'dist', 'index.html');
const lock = path.join(os.tmpdir(), `sheyun-console-build-${Buffer.from(repo).toString('base64url').slice(-24)}.lock`);
const LOCK_STALE_MS = 180_000;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function isFresh(): boolean {
  const sources = ['index.html', 'vite.config.ts', 'src', 'public'].map((s) => newestMtime(path.join(web, s)));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  return built >= Math.max(...sources);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited too long for another console build (${lock})`);
      else sleep(200);
    }
  }
}

export function ensureConsoleBuilt(): string {
  if (isFresh()) return index;
  acquireLock();
  try {
    if (isFresh()) return index; // another worker built it while this one waited
    execFileSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], {
      cwd: repo,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`vite build of the console failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return index;
}
