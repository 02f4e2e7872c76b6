/**
 * Checks the dependency rule of ARCHITECTURE.md on every import in src/ and web/src, against a baseline of known
 * violations that may only shrink (PostHog's check-ingestion-boundaries habit).
 *  - core and stats import nothing of ours; config imports only core;
 *  - a module reaches another module only through that module's index.ts;
 *  - web/ reaches the server's code only for types in src/api/schemas.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const baselineFile = path.join(root, 'scripts/boundaries-baseline.json');
const baseline: string[] = fs.existsSync(baselineFile) ? JSON.parse(fs.readFileSync(baselineFile, 'utf8')) : [];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const moduleOf = (rel: string): string | undefined => {
  const m = /^src\/([^/]+)(\/|\.ts$)/.exec(rel);
  if (!m) return undefined;
  return m[1] === 'main.ts' ? 'main' : m[1]!.replace(/\.ts$/, '');
};

const violations: string[] = [];
for (const file of [...files(path.join(root, 'src')), ...files(path.join(root, 'web/src'))]) {
  const rel = path.relative(root, file);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3]!;
    const typeOnly = Boolean(m[1]);
    const target = path.relative(root, path.resolve(path.dirname(file), spec));
    if (rel.startsWith('web/')) {
      if (!target.startsWith('web/') && !(target.startsWith('src/api/schemas') && typeOnly)) violations.push(`${rel} -> ${target} (web may only import types from src/api/schemas)`);
      continue;
    }
    const from = moduleOf(rel);
    const to = moduleOf(target);
    if (!from || !to || from === to) continue;
    if (from === 'core' || from === 'stats') violations.push(`${rel} -> ${target} (${from} imports nothing of ours)`);
    else if (from === 'config' && to !== 'core') violations.push(`${rel} -> ${target} (config imports only core)`);
    else if (to === 'main' && from !== 'api' && from !== 'cli') violations.push(`${rel} -> ${target} (only api and cli use the composition root)`);
    else if (to !== 'main' && target !== `src/${to}/index.ts` && !(from === 'api' && target.startsWith('src/api/'))) {
      violations.push(`${rel} -> ${target} (go through src/${to}/index.ts)`);
    }
  }
}

const known = new Set(baseline);
const fresh = violations.filter((v) => !known.has(v));
const gone = baseline.filter((v) => !violations.includes(v));
if (gone.length > 0) console.error(`These baseline entries are fixed; remove them from scripts/boundaries-baseline.json:\n  ${gone.join('\n  ')}`);
if (fresh.length > 0) {
  console.error(`Module boundary violations:\n  ${fresh.join('\n  ')}`);
  process.exit(1);
}
console.error(`module boundaries: ${violations.length} known (baseline), 0 new`);
if (gone.length > 0) process.exit(1);
