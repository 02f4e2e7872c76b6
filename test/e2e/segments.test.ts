/**
 * The Segments page in headless Chromium against a real server with 200 demo members (already scored once):
 * opened from the sidebar; a broken JSON definition is stopped in the page; the server's 400 is shown with the
 * field it names; an example is previewed with the API's count and sample; saved, listed with its summary, refused
 * as a conflict when created again; exported as CSV (one row per matching member); after a scoring run its page
 * lists the members who entered; then it is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoringReportBody, SegmentBody } from '../../src/api/schemas/index.ts';
import { openBrowserSession, SCREENSHOTS, type BrowserSession, type Target } from './harness.ts';

const RUN_TIMEOUT = 90_000;
const KEY = `e2e-core-posters-${Date.now().toString(36)}`;
const NAME = '端到端测试：核心发帖成员';
/** The "core posters this quarter" example, as the page inserts it. */
const CORE_POSTERS = {
  kind: 'and',
  of: [
    { kind: 'tier', tier: 'communication_tier', op: 'eq', value: 'core' },
    { kind: 'event_count', event: 'post_created', windowDays: 90, op: 'gte', value: 1 },
  ],
};
const CORE_POSTERS_ZH = '沟通层级 = 核心层(1对1) 且 近 90 天 post_created 次数 ≥ 1';
const CORE_POSTERS_EN = 'Communication tier = Core (1:1) and post_created in the last 90 days ≥ 1';

interface Preview {
  count: number;
  scored: number;
  sample: string[];
}
interface Change {
  id: number;
  runId: number;
  memberId: string;
  from: string | null;
  to: string | null;
}

describe('segments page (headless Chromium)', () => {
  let session: BrowserSession;
  let target: Target;
  let page: Page;
  /** What the API previews for the example, once the page has previewed it. */
  let expected: Preview | null = null;

  async function api<T>(p: string, init: { method?: string; body?: unknown; status?: number } = {}): Promise<T> {
    const res = await fetch(`${target.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${target.adminKey}`, 'Content-Type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    expect(res.status, `${init.method ?? 'GET'} ${p}`).toBe(init.status ?? 200);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const form = () => page.getByTestId('segment-form');
  const row = (key: string) => page.locator(`[data-testid="segment-row"][data-key="${key}"]`);
  const isPost = (p: string) => (r: { url(): string; request(): Request }) => new URL(r.url()).pathname === p && r.request().method() === 'POST';

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ target, page } = session);
  }, 180_000);

  afterAll(async () => session?.close(), 60_000);

  it('opens Segments from the sidebar: a live page, not a "coming" placeholder', async () => {
    await page.goto(`${target.url}/#/login?key=${encodeURIComponent(target.adminKey)}`);
    await page.getByTestId('overview-page').waitFor();
    expect(await page.getByTestId('nav-segments').locator('.nav__badge').count()).toBe(0);
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segments-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/segments');
    expect(await page.getByTestId('coming-page').count()).toBe(0);
    expect(await page.getByTestId('segments-page').locator('h1').textContent()).toBe('分群');
    // the list has loaded (empty on a fresh server, else the saved segments)
    const saved = (await api<{ segments: SegmentBody[] }>('/v1/segments')).segments;
    await page.getByTestId('segment-list').locator('table, [data-testid="empty-state"]').first().waitFor();
    expect(await page.getByTestId('segment-row').count()).toBe(saved.length);
  });

  it('reports invalid JSON in the page without sending it', async () => {
    await page.getByTestId('segment-new').click();
    await form().waitFor();
    await page.getByTestId('segment-key').fill(KEY);
    await page.getByTestId('segment-name').fill(NAME);
    const sent: string[] = [];
    const onRequest = (r: Request) => {
      if (new URL(r.url()).pathname.startsWith('/v1/segments') && r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
    };
    page.on('request', onRequest);
    await page.getByTestId('segment-definition').fill('{\n  "kind": "and",\n  "of": [,]\n}');
    await page.getByTestId('segment-preview').click();
    await page.getByTestId('segment-json-error').waitFor();
    // the place of the stray comma, found by the page whatever the browser's own message says
    expect(await page.getByTestId('segment-json-error').textContent()).toBe('JSON 格式错误（第 3 行第 10 列）：这里不应出现 , 尚未发送到服务器。');
    await page.getByTestId('segment-save').click();
    expect(await page.getByTestId('segment-json-error').isVisible()).toBe(true);
    expect(await page.getByTestId('segment-definition').getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(300);
    page.off('request', onRequest);
    expect(sent, 'nothing reaches the server').toEqual([]);
    expect(await page.getByTestId('segment-preview-result').count()).toBe(0);
  });

  it('shows the server’s 400 with the field it names', async () => {
    await page.getByTestId('segment-definition').fill('{"kind":"score","score":"clv","op":"gte","value":"lots"}');
    expect(await page.getByTestId('segment-json-error').count(), 'editing clears the local error').toBe(0);
    const answered = page.waitForResponse(isPost('/v1/segments'));
    await page.getByTestId('segment-save').click();
    const res = await answered;
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error.field).toBe('definition.value');
    await page.getByTestId('segment-server-error').waitFor();
    expect(await page.getByTestId('segment-error-field').textContent()).toBe('definition.value');
    expect(await page.getByTestId('segment-server-error').textContent()).toContain(body.error.message.replace('definition.value: ', ''));
    expect(await page.getByTestId('segment-definition').getAttribute('aria-invalid')).toBe('true');
    // not saved
    expect((await api<{ segments: SegmentBody[] }>('/v1/segments')).segments.map((s) => s.key)).not.toContain(KEY);
  });

  it('previews an inserted example with the count and sample the API gives for it', async () => {
    await page.getByTestId('segment-example-corePosters').click();
    const text = await page.getByTestId('segment-definition').inputValue();
    expect(JSON.parse(text)).toEqual(CORE_POSTERS);
    expect(await page.getByTestId('segment-reads-as').textContent()).toContain(CORE_POSTERS_ZH);
    // the example does not overwrite what was typed
    expect(await page.getByTestId('segment-key').inputValue()).toBe(KEY);

    const answered = page.waitForResponse(isPost('/v1/segments/preview'));
    await page.getByTestId('segment-preview').click();
    expect((await answered).status()).toBe(200);
    await page.getByTestId('segment-preview-result').waitFor();
    expect(await page.getByTestId('segment-server-error').count()).toBe(0);

    expected = await api<Preview>('/v1/segments/preview', { method: 'POST', body: { definition: CORE_POSTERS, sample: 200 } });
    if (target.demo) expect(expected.count, 'the demo has core members who posted lately').toBeGreaterThan(0);
    const shown = page.getByTestId('segment-preview-count');
    expect(Number(await shown.getAttribute('data-count'))).toBe(expected.count);
    expect(await shown.textContent()).toBe(
      `现在符合条件的成员：${expected.count.toLocaleString('zh-CN')} / ${expected.scored.toLocaleString('zh-CN')}`,
    );
    const links = page.getByTestId('segment-sample-link');
    const ids = await links.allTextContents();
    expect(ids).toEqual(expected.sample.slice(0, 20));
    if (ids.length > 0) expect(await links.first().getAttribute('href')).toBe(`#/members/${ids[0]}`);
  });

  it('saves it and lists it with its summary', async () => {
    const answered = page.waitForResponse(isPost('/v1/segments'));
    await page.getByTestId('segment-save').click();
    expect((await answered).status()).toBe(201);
    await page.getByTestId('segment-notice').waitFor();
    expect(await page.getByTestId('segment-notice').textContent()).toContain(NAME);
    expect(await form().count()).toBe(0);
    await row(KEY).waitFor();
    expect(await row(KEY).getByTestId('segment-summary').textContent()).toBe(CORE_POSTERS_ZH);
    expect(await row(KEY).getByTestId('segment-link').textContent()).toBe(NAME);
    const saved = (await api<{ segments: SegmentBody[] }>('/v1/segments')).segments.find((s) => s.key === KEY);
    expect(saved?.name).toBe(NAME);
    expect(saved?.definition).toEqual(CORE_POSTERS);
  });

  it('refuses the same key again, saying that it exists', async () => {
    await page.getByTestId('segment-new').click();
    await form().waitFor();
    expect(await page.getByTestId('segment-key').inputValue(), 'a fresh form').toBe('');
    await page.getByTestId('segment-example-wechatNew').click();
    await page.getByTestId('segment-key').fill(KEY);
    const answered = page.waitForResponse(isPost('/v1/segments'));
    await page.getByTestId('segment-save').click();
    expect((await answered).status()).toBe(409);
    await page.getByTestId('segment-key-exists').waitFor();
    expect(await page.getByTestId('segment-key-exists').textContent()).toBe(`标识 ${KEY} 已经存在：请换一个标识，或在列表中编辑已有的分群。`);
    expect(await page.getByTestId('segment-key').getAttribute('aria-invalid')).toBe('true');
    // the saved one is unchanged
    const saved = (await api<{ segments: SegmentBody[] }>('/v1/segments')).segments.filter((s) => s.key === KEY);
    expect(saved.map((s) => s.definition)).toEqual([CORE_POSTERS]);
    expect(await row(KEY).count()).toBe(1);

    // the page with a form, a preview and the saved segment
    await page.getByTestId('segment-preview').click();
    await page.getByTestId('segment-preview-result').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'segments.png'), fullPage: true });
    await page.getByTestId('segment-cancel').click();
    expect(await form().count()).toBe(0);
  });

  it('counts the saved segment in the list and exports one CSV row per matching member', async () => {
    await row(KEY).getByTestId('segment-row-preview').click();
    await row(KEY).getByTestId('segment-row-count').waitFor();
    expect(Number(await row(KEY).getByTestId('segment-row-count').getAttribute('data-count'))).toBe(expected!.count);

    const served = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/segments/${KEY}/export.csv`);
    const download = page.waitForEvent('download');
    await row(KEY).getByTestId('segment-export').click();
    expect((await served).status()).toBe(200);
    const file = await download;
    expect(file.suggestedFilename()).toBe(`segment-${KEY}.csv`);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(expected!.count);
    expect(csv.split('\n')[0]).toMatch(/^member_id,name,lifecycle_tier,communication_tier,/);
    expect(rows.every((r) => r['communication_tier'] === 'core')).toBe(true);
    if (expected!.count <= 200) expect(rows.map((r) => r['member_id']).sort()).toEqual([...expected!.sample].sort());
    await row(KEY).getByTestId('segment-exported').waitFor();
  });

  it('shows the summary in English too', async () => {
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('segments-page').locator('h1').textContent()).toBe('Segments');
    expect(await row(KEY).getByTestId('segment-summary').textContent()).toBe(CORE_POSTERS_EN);
    expect(await row(KEY).getByTestId('segment-export').textContent()).toBe('Export CSV');
    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await row(KEY).getByTestId('segment-summary').textContent()).toBe(CORE_POSTERS_ZH);
  });

  it('lists the members who entered at the next scoring run', async () => {
    const report = await api<ScoringReportBody>('/v1/scoring/runs', { method: 'POST', body: {} });
    const counts = report.segments.find((s) => s.key === KEY);
    expect(counts, 'the run evaluated the new segment').toBeDefined();
    expect(counts!.entered).toBe(counts!.members);
    expect(counts!.left).toBe(0);
    expect(counts!.members).toBe(expected!.count);
    const changes = await api<{ changes: Change[] }>(`/v1/scoring/changes?kind=segment&subject=${KEY}&run=${report.runId}&limit=50`);
    expect(changes.changes.length).toBe(Math.min(50, counts!.entered));

    await row(KEY).getByTestId('segment-link').click();
    await page.getByTestId('segment-page').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/segments/${KEY}`);
    expect(await page.getByTestId('segment-page').locator('h1').textContent()).toBe(NAME);
    expect(await page.getByTestId('segment-definition-card').getByTestId('segment-summary').textContent()).toBe(CORE_POSTERS_ZH);

    const note = page.getByTestId('segment-recompute-note');
    await note.waitFor();
    expect(await note.getAttribute('data-run')).toBe(String(report.runId));
    expect(await note.textContent()).toContain(`分群成员在每次评分计算后重新计算。上次计算：第 ${report.runId} 次`);

    const run = page.locator(`[data-testid="history-run"][data-run="${report.runId}"]`);
    await run.waitFor();
    expect(await run.getByTestId('history-run-counts').textContent()).toBe(`进入 ${counts!.entered} 位 · 离开 0 位 · 计算后共 ${counts!.members} 位`);
    const entered = run.locator('[data-testid="history-change"][data-change="entered"]');
    expect(await entered.count()).toBe(changes.changes.length);
    const shownIds = await run.getByTestId('history-member').allTextContents();
    expect(shownIds.sort()).toEqual(changes.changes.map((c) => c.memberId).sort());
    expect(await run.getByTestId('history-member').first().getAttribute('href')).toBe(`#/members/${shownIds[0]}`);
    expect(await page.getByTestId('segment-last-run-members-value').textContent()).toBe(counts!.members.toLocaleString('zh-CN'));
    const matching = page.getByTestId('segment-matching-now-value');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="segment-matching-now-value"]')?.textContent ?? ''));
    expect(await matching.textContent()).toBe(`${expected!.count.toLocaleString('zh-CN')} / ${report.members.toLocaleString('zh-CN')}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'segment-history.png'), fullPage: true });
  }, RUN_TIMEOUT);

  it('edits its name on its page; the key stays', async () => {
    await page.getByTestId('segment-edit').click();
    await form().waitFor();
    expect(await page.getByTestId('segment-key').inputValue()).toBe(KEY);
    expect(await page.getByTestId('segment-key').getAttribute('readonly')).not.toBeNull();
    expect(JSON.parse(await page.getByTestId('segment-definition').inputValue())).toEqual(CORE_POSTERS);
    await page.getByTestId('segment-name').fill(`${NAME}（改）`);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/segments/${KEY}` && r.request().method() === 'PUT');
    await page.getByTestId('segment-save').click();
    expect((await answered).status()).toBe(200);
    await page.getByTestId('segment-notice').waitFor();
    expect(await form().count()).toBe(0);
    await page.waitForFunction((n) => document.querySelector('[data-testid="segment-page"] h1')?.textContent === n, `${NAME}（改）`);
    const saved = await api<SegmentBody>(`/v1/segments/${KEY}`);
    expect(saved.name).toBe(`${NAME}（改）`);
    expect(saved.definition).toEqual(CORE_POSTERS);
  });

  it('deletes it after a confirmation', async () => {
    await page.getByTestId('segment-delete').click();
    await page.getByTestId('segment-delete-confirm').waitFor();
    expect(await page.getByTestId('segment-delete-confirm').textContent()).toContain(`删除分群“${NAME}（改）”？`);
    expect((await api<{ segments: SegmentBody[] }>('/v1/segments')).segments.map((s) => s.key), 'not before the confirmation').toContain(KEY);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/segments/${KEY}` && r.request().method() === 'DELETE');
    await page.getByTestId('segment-delete-yes').click();
    expect((await answered).status()).toBe(204);
    await page.getByTestId('segments-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/segments');
    await page.getByTestId('segment-list').locator('table, [data-testid="empty-state"]').first().waitFor();
    await page.waitForFunction((k) => !document.querySelector(`[data-testid="segment-row"][data-key="${k}"]`), KEY);
    expect(await row(KEY).count()).toBe(0);
    expect((await api<{ segments: SegmentBody[] }>('/v1/segments')).segments.map((s) => s.key)).not.toContain(KEY);
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
