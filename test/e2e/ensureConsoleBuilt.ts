/** Builds the web console into web/dist when it is missing or older than its sources (the server serves it). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web = path.join(repo, 'web');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

export function ensureConsoleBuilt(): string {
  const index = path.join(web, 'dist', 'index.html');
  const sources = ['index.html', 'vite.config.ts', 'src', 'public'].map((s) => newestMtime(path.join(web, s)));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built >= Math.max(...sources)) return index;
  try {
    execFileSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], {
      cwd: repo,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`vite build of the console failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
  return index;
}
