/** `sheyun scores …` and `sheyun segments …` as an operator runs them, on a store the demo command filled. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const root = tempDir('sheyun-scores-cli-');
const data = path.join(root, 'data');
const sheyun = async (...args: string[]) => (await exec(process.execPath, ['bin/sheyun.mjs', ...args, '--data', data], { cwd: repoRoot, env: { ...process.env, SHEYUN_LOG_LEVEL: 'warn' } })).stdout;
const fails = async (...args: string[]) => (await sheyun(...args).catch((e: unknown) => e)) as { code: number; stderr: string };
const file = (name: string, content: unknown) => {
  const p = path.join(root, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

beforeAll(async () => {
  await sheyun('demo', '--members', '300');
}, 120_000);
afterAll(() => removeDir(root));

describe('scores and segments on the command line', () => {
  it('runs scoring, shows a member, defines, previews, exports and checks a segment', async () => {
    const report = JSON.parse(await sheyun('scores', 'run', '--json')) as { members: number; sizes: { communication: Record<string, number> } };
    expect(report.members).toBeGreaterThan(250);
    expect(Object.values(report.sizes.communication).reduce((a, b) => a + b, 0)).toBe(report.members);

    const def = file('champions.json', { kind: 'tier', tier: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] });
    const saved = JSON.parse(await sheyun('segments', 'define', 'best', def, '--name', 'Best buyers')) as { key: string; name: string };
    expect(saved).toMatchObject({ key: 'best', name: 'Best buyers' });
    const preview = JSON.parse(await sheyun('segments', 'preview', def, '--sample', '3')) as { count: number; sample: string[] };
    expect(preview.count).toBeGreaterThan(0);

    const out = path.join(root, 'best.csv');
    await sheyun('segments', 'export', 'best', '--out', out);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(preview.count);
    expect(lines.slice(1).every((l) => ['champions', 'loyal'].includes(l.split(',')[4]!))).toBe(true);

    const member = preview.sample[0]!;
    expect(JSON.parse(await sheyun('segments', 'check', 'best', member))).toEqual({ segment: 'best', memberId: member, member: true });
    const scores = JSON.parse(await sheyun('scores', 'show', member)) as { rfm: { segment: string } };
    expect(['champions', 'loyal']).toContain(scores.rfm.segment);
  });

  it('names what is wrong in a definition or a settings file', async () => {
    const bad = file('bad.json', { kind: 'or', of: [{ kind: 'event_count', event: 'purchase', windowDays: 0, op: 'gte', value: 1 }] });
    const e = await fails('segments', 'define', 'broken', bad);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/of\.0\.windowDays/);
    const notJson = file('not.json', '{ kind: ');
    expect((await fails('segments', 'preview', notJson)).stderr).toMatch(/not\.json: not valid JSON/);
    const settings = file('settings.json', { lifecycle: { churnedDays: -1 } });
    expect((await fails('scores', 'settings', '--set', settings)).stderr).toMatch(/lifecycle\.churnedDays/);
  });
});
