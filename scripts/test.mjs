// `npm test`: type-check, check module boundaries, build the console, then run every test file once with Vitest.
// Ends with the plain "N passed, N failed" line that CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const run = (label, args) => {
  process.stderr.write(`\n▶ ${label}\n`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};

let failed = 0;
if (run('type-check (tsc)', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) failed++;
if (run('module boundaries', ['--import', 'tsx', 'scripts/check-boundaries.ts']) !== 0) failed++;
if (run('build console', ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) !== 0) failed++;

const report = path.join(root, '.tmp/vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const vitest = run('tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let testsFailed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  testsFailed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
const checksFailed = failed + (vitest !== 0 && testsFailed === 0 ? 1 : 0);
process.stdout.write(`\n${passed} passed, ${testsFailed + checksFailed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || vitest !== 0 ? 1 : 0);
