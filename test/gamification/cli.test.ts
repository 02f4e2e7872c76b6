/**
 * The operator's path on the command line, on the real cardano dump: import it, install the Stack Exchange preset,
 * export balances and badges as CSV keyed by the dump's user ids, and compare with Users.xml and Badges.xml.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';
import { cardanoDir, dumpBadges, dumpReputation } from './se-store.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const root = tempDir('sheyun-gamification-cli-');
const data = path.join(root, 'data');
const sheyun = async (...args: string[]) =>
  (await exec(process.execPath, ['bin/sheyun.mjs', ...args, '--data', data], { cwd: repoRoot, env: { ...process.env, SHEYUN_LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 })).stdout;
const fails = async (...args: string[]) => (await sheyun(...args).catch((e: unknown) => e)) as { code: number; stderr: string };

beforeAll(async () => {
  await sheyun('import', 'stackexchange', cardanoDir);
}, 120_000);
afterAll(() => removeDir(root));

describe('gamification on the command line', () => {
  it('installs the Stack Exchange preset and exports reputations that match Users.xml', async () => {
    const out = await sheyun('gamification', 'preset', 'stackexchange');
    expect(out).toMatch(/installed preset stackexchange as configuration version 1/);
    expect(out).toMatch(/replayed \d+ events/);
    const rows = parse(await sheyun('gamification', 'export', 'balances', '--format', 'csv'), { columns: true }) as { member_external_id: string; platform: string; points: string; level: string }[];
    expect(Object.keys(rows[0]!)).toEqual(['member_external_id', 'platform', 'points', 'level']);
    const ours = new Map(rows.filter((r) => r.platform === 'stackexchange:cardano').map((r) => [r.member_external_id, Number(r.points)]));
    const dump = dumpReputation();
    let exact = 0;
    for (const [id, rep] of dump) if ((ours.get(id) ?? 1) === rep) exact++;
    expect(exact / dump.size).toBeGreaterThanOrEqual(0.77);
    // Privileges by reputation: a member at 15 or more has at least the "vote up" level.
    const someone = rows.find((r) => Number(r.points) >= 200);
    expect(someone?.level).not.toBe('');
  });

  it('exports badges with the day they were earned', async () => {
    const rows = parse(await sheyun('gamification', 'export', 'badges', '--format', 'csv'), { columns: true }) as { member_external_id: string; badge: string; awarded_at: string }[];
    expect(Object.keys(rows[0]!)).toEqual(['member_external_id', 'badge', 'awarded_at']);
    const students = rows.filter((r) => r.badge === 'student');
    const dumpStudents = dumpBadges().filter((b) => b.name === 'Student');
    expect(Math.abs(students.length - dumpStudents.length)).toBeLessThanOrEqual(dumpStudents.length * 0.05);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T/.test(r.awarded_at))).toBe(true);
  });

  it('names the problem when asked for something it cannot do', async () => {
    expect((await fails('gamification', 'preset', 'nope')).stderr).toMatch(/unknown preset "nope"/);
    expect((await fails('gamification', 'export', 'balances', '--format', 'xlsx')).stderr).toMatch(/--format: only csv/);
    const top = JSON.parse(await sheyun('gamification', 'leaderboard', '--limit', '3')) as { rank: number }[];
    expect(top.map((r) => r.rank)).toEqual([1, 2, 3]);
  });
});
