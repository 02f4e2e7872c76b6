/**
 * `npm run bench [-- names…]`: runs the benchmarks (all by default) and prints a Markdown table to paste into
 * docs/benchmarks.md, plus JSON details in bench/out/results.json. Names: http, import, stackexchange, profile, scoring, gamification.
 * BENCH_SECONDS (60) sets the HTTP load duration, BENCH_MEMBERS (1000000) the large community.
 */
import fs from 'node:fs';
import path from 'node:path';
import { httpIngest } from './http-ingest.ts';
import { bulkImport, stackExchangeImport } from './imports.ts';
import { machine, ROOT, type BenchResult } from './lib.ts';
import { profileRead } from './profile-read.ts';
import { scoring } from './scoring.ts';
import { gamification } from './gamification.ts';

const wanted = new Set(process.argv.slice(2).filter((a) => !a.startsWith('-')));
const all = wanted.size === 0;
const seconds = Number(process.env['BENCH_SECONDS'] ?? 60);
const members = Number(process.env['BENCH_MEMBERS'] ?? 1_000_000);

const results: BenchResult[] = [];
const run = async (name: string, fn: () => Promise<BenchResult[]>) => {
  if (!all && !wanted.has(name)) return;
  process.stderr.write(`\n▶ benchmark: ${name}\n`);
  const r = await fn();
  for (const x of r) process.stderr.write(`  ${x.name}: ${x.value} [target ${x.target}: ${x.met === null ? 'n/a' : x.met ? 'met' : 'MISSED'}]\n`);
  results.push(...r);
};

await run('http', () => httpIngest(seconds));
await run('import', () => bulkImport(1_000_000));
await run('stackexchange', () => stackExchangeImport());
await run('profile', () => profileRead(members));
await run('scoring', () => scoring(members));
await run('gamification', () => gamification(seconds, members));

const date = new Date().toISOString().slice(0, 10);
const lines = [
  `Machine: ${machine()}. Date: ${date}. Command: \`npm run bench${all ? '' : ' -- ' + [...wanted].join(' ')}\`.`,
  '',
  '| benchmark | target | measured | met |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.name} | ${r.target} | ${r.value} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`),
];
process.stdout.write(lines.join('\n') + '\n');
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/results.json'), JSON.stringify({ date, machine: machine(), results }, null, 2));
