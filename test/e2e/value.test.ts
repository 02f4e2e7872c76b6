/**
 * The "Members value" page and the member page's three-degree card in headless Chromium against a real server with
 * 200 demo members. The server may or may not have scored at start-up: the test runs scoring from the page when it
 * shows the empty state. It then adds repeat buyers (so lifetime value is computed), runs scoring again from the
 * page, and compares what the page shows with the API's answers.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberScoresBody, MemberValueBody, ScoringReportBody, TierFlowBody } from '../../src/api/schemas/index.ts';
import { openBrowserSession, SCREENSHOTS, statValue, T, type BrowserSession, type Target } from './harness.ts';

const DAY_MS = 86_400_000;
const RUN_TIMEOUT = 90_000;

/** The number in an element's text ("1,234.5" → 1234.5; "-0.07" → -0.07). */
async function numberIn(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? '';
  const m = /-?[\d,]+(\.\d+)?/.exec(text);
  expect(m, `a number in ${testId}: "${text}"`).not.toBeNull();
  return Number(m![0].replace(/,/g, ''));
}

describe('members value page (headless Chromium)', () => {
  let target: Target;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seeded = false;

  async function api<T>(p: string, init?: RequestInit): Promise<T> {
    const res = await fetch(`${target.url}${p}`, {
      ...init,
      headers: { Authorization: `Bearer ${target.adminKey}`, 'Content-Type': 'application/json', ...init?.headers },
    });
    expect(res.status, `${init?.method ?? 'GET'} ${p}`).toBe(200);
    return (await res.json()) as T;
  }

  /** Sends Segment-style messages with the write key and waits until the column store has them all. */
  async function ingest(batch: object[]): Promise<void> {
    const res = await fetch(`${target.url}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: unknown[] };
    expect(body.rejected).toEqual([]);
    const deadline = Date.now() + T;
    for (;;) {
      const o = await api<{ columnizerLag: number }>('/v1/stats/overview?days=30');
      if (o.columnizerLag === 0) return;
      if (Date.now() > deadline) throw new Error(`the column store still lags by ${o.columnizerLag} events`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Clicks "Run scoring now" and returns the report the server answered with, once the page shows it. */
  async function runFromPage(): Promise<ScoringReportBody> {
    const posted = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/scoring/runs' && r.request().method() === 'POST', {
      timeout: RUN_TIMEOUT,
    });
    await page.getByTestId('run-scoring').click();
    const res = await posted;
    expect(res.status()).toBe(200);
    const report = (await res.json()) as ScoringReportBody;
    await page.getByTestId('run-done').waitFor({ timeout: RUN_TIMEOUT });
    expect(await page.getByTestId('run-done').textContent()).toContain(report.members.toLocaleString('zh-CN'));
    await page.getByTestId('value-run-at').filter({ hasText: `第 ${report.runId} 次计算` }).waitFor();
    expect(await page.getByTestId('run-scoring').isEnabled()).toBe(true);
    return report;
  }

  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession();
    ({ target, browser, context, page } = session);
  }, 180_000);

  afterAll(async () => session?.close(), 60_000);

  it('opens the page from the sidebar, running scoring first if there is no run yet', async () => {
    await page.goto(`${target.url}/#/login?key=${encodeURIComponent(target.adminKey)}`);
    await page.getByTestId('overview-page').waitFor();
    await page.getByTestId('nav-value').click();
    await page.getByTestId('value-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/value');
    expect(await page.getByTestId('coming-page').count()).toBe(0);

    await page.locator('[data-testid="value-report"], [data-testid="value-empty"]').first().waitFor();
    const before = await api<MemberValueBody>('/v1/scoring/overview');
    if (await page.getByTestId('value-empty').isVisible()) {
      expect(before.report, 'the page shows "no run yet" only when the API has no report').toBeNull();
      expect(await page.getByTestId('value-empty').textContent()).toContain('还没有评分结果');
      await runFromPage();
      await page.getByTestId('value-report').waitFor();
      expect(await page.getByTestId('value-empty').count()).toBe(0);
    } else {
      expect(before.report, 'the page shows a report only when the API has one').not.toBeNull();
    }
    const after = await api<MemberValueBody>('/v1/scoring/overview');
    expect(await statValue(page, 'stat-scored')).toBe(after.report!.members);
    // Every live member is scored (the demo's 200 people minus those its duplicate accounts merged into others).
    const status = await api<{ members: number }>('/v1/status');
    expect(after.report!.members).toBe(status.members);
  });

  it('runs scoring again from the page after repeat buyers arrive', async () => {
    if (!target.writeKey) return; // an external server without a write key: score what is there
    const stamp = Date.now();
    const batch = [];
    for (let u = 0; u < 30; u++) {
      for (let k = 0; k < 4; k++) {
        batch.push({
          type: 'track',
          event: 'purchase',
          userId: `e2e_buyer_${stamp}_${u}`,
          messageId: `e2e-value-${stamp}-${u}-${k}`,
          timestamp: new Date(stamp - (10 + 40 * k + u) * DAY_MS).toISOString(),
          properties: { amount: 1000 + 1370 * ((u * 7 + k * 3) % 23), currency: 'CNY', category: ['books', 'tea', 'gear'][k % 3] },
        });
      }
    }
    await ingest(batch);
    const before = await api<MemberValueBody>('/v1/scoring/overview');
    const report = await runFromPage();
    expect(report.runId).toBeGreaterThan(before.report!.runId);
    expect(report.repeatBuyers).toBeGreaterThanOrEqual(30);
    seeded = true;
  }, 120_000);

  it('shows tier sizes that add up to the members scored, as the API reports them', async () => {
    const data = await api<MemberValueBody>('/v1/scoring/overview');
    const report = data.report!;
    expect(report).not.toBeNull();
    expect(await statValue(page, 'stat-scored')).toBe(report.members);
    expect(await statValue(page, 'stat-buyers')).toBe(report.buyers);
    expect(await page.getByTestId('value-run-at').textContent()).toContain(`第 ${report.runId} 次计算`);

    for (const [testId, sizes] of [
      ['lifecycle-tiers', report.sizes.lifecycle],
      ['communication-tiers', report.sizes.communication],
    ] as const) {
      const rows = page.getByTestId(testId).getByTestId('tier-row');
      expect(await rows.count(), testId).toBe(Object.keys(sizes).length);
      let sum = 0;
      for (let i = 0; i < (await rows.count()); i++) {
        const tier = (await rows.nth(i).getAttribute('data-tier')) ?? '';
        const shown = Number((await rows.nth(i).getByTestId('tier-size').textContent())?.replace(/\D/g, ''));
        expect(shown, `${testId} ${tier}`).toBe(sizes[tier]);
        sum += shown;
      }
      expect(sum, `${testId} add up to the members scored`).toBe(report.members);
      expect(Number((await page.getByTestId(testId).getByTestId('tier-total').textContent())?.replace(/\D/g, ''))).toBe(report.members);
    }

    // the lifecycle rules are shown in the UI language, in the order they are checked
    const firstRule = data.rules.lifecycle[0]!;
    expect(await page.getByTestId('lifecycle-tiers').getByTestId('tier-row').first().textContent()).toContain(firstRule.rule.zh);
    expect(await page.getByTestId('lifecycle-tiers').getByTestId('tier-row').first().getAttribute('data-tier')).toBe(firstRule.tier);
    // the communication cut-offs: the percentages of the rules and the score where the core tier starts
    const comm = await page.getByTestId('communication-tiers').textContent();
    expect(comm).toContain(`前 ${data.rules.communication.corePercent}%`);
    if (report.communicationCutoffs.core !== null && report.communicationCutoffs.score !== 'clv') {
      expect(comm).toContain(`≥ ${report.communicationCutoffs.core.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`);
    }

    // warnings: exactly the report's, or none
    const warnings = page.getByTestId('value-warnings');
    expect(await warnings.count()).toBe(report.warnings.length > 0 ? 1 : 0);
    for (const w of report.warnings) expect(await warnings.textContent()).toContain(w);
  });

  it('draws the tier flows, the RFM heatmap, the CLV histogram and the forecast check', async () => {
    const data = await api<MemberValueBody>('/v1/scoring/overview');
    const report = data.report!;
    const canvasOf = async (testId: string) => {
      const canvas = page.getByTestId(testId).locator('canvas').first();
      await canvas.waitFor();
      return canvas.boundingBox();
    };

    const sizes = await canvasOf('tier-sizes-chart');
    expect(sizes?.width ?? 0).toBeGreaterThan(200);
    const flows = await api<{ runs: TierFlowBody[] }>('/v1/scoring/flows?kind=lifecycle_tier&runs=12');
    const moved = flows.runs.at(-1)!.moves.reduce((s, m) => s + m.members, 0);
    if (moved > 0) {
      expect((await canvasOf('tier-sankey-chart'))?.height ?? 0).toBeGreaterThan(100);
      expect(await numberIn(page, 'moved-count')).toBe(moved);
    } else {
      expect(await page.getByTestId('tier-sankey-chart').count()).toBe(0);
    }

    const heat = await canvasOf('rfm-heatmap-chart');
    expect(heat?.width ?? 0).toBeGreaterThan(200);
    expect(heat?.height ?? 0).toBeGreaterThan(200);
    const rules = page.getByTestId('rfm-rule');
    expect(await rules.count()).toBe(data.rules.rfm.length);
    for (let i = 0; i < data.rules.rfm.length; i++) {
      const rule = data.rules.rfm[i]!;
      expect(await rules.nth(i).getAttribute('data-segment')).toBe(rule.segment);
      expect(await rules.nth(i).textContent()).toContain(rule.why.zh);
    }
    // How the scores were made: quintiles unless the workspace set cut points.
    expect(data.rules.rfmScoring).toEqual({ recencyDays: null, frequency: null, monetary: null });
    expect(await page.getByTestId('rfm-scoring').textContent()).toContain('按五分位');

    if (seeded) expect(data.clv.buckets.length, 'lifetime value computed once there are repeat buyers').toBeGreaterThan(0);
    if (data.clv.buckets.length > 0) {
      const clv = await canvasOf('clv-histogram-chart');
      expect(clv?.width ?? 0).toBeGreaterThan(200);
      expect(clv?.height ?? 0).toBeGreaterThan(100);
      expect(await numberIn(page, 'clv-buyers-value')).toBe(data.clv.buyers);
      // money arrives in fen and is shown in yuan with 2 decimals
      expect(Math.abs((await numberIn(page, 'clv-median-value')) - data.clv.median! / 100)).toBeLessThanOrEqual(0.006);
      expect(await page.getByTestId('clv-median-value').textContent()).toMatch(/\.\d\d 元$/);
    } else {
      expect(await page.getByTestId('clv-card').getByTestId('empty-state').count()).toBe(1);
    }

    if (seeded) expect(report.holdout, 'a forecast check once there are enough buyers').not.toBeNull();
    if (report.holdout) {
      expect((await canvasOf('holdout-chart'))?.height ?? 0).toBeGreaterThan(100);
      expect(await page.getByTestId('holdout-lead').textContent()).toContain(`最后 ${report.holdout.weeks} 周`);
    }
    if (report.bgnbd) expect(await page.getByTestId('bgnbd-params').getByTestId('param-r').textContent()).toMatch(/\d/);

    await page.waitForTimeout(600); // let the chart animations settle before the screenshot
    await page.screenshot({ path: path.join(SCREENSHOTS, 'value.png'), fullPage: true });
  });

  it('switches the page title between 会员价值 and Members value', async () => {
    const title = page.getByTestId('value-page').locator('h1').first();
    expect(await title.textContent()).toBe('会员价值');
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await title.textContent()).toBe('Members value');
    expect(await page.getByTestId('run-scoring').textContent()).toBe('Run scoring now');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'value-en.png'), fullPage: true });
    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await title.textContent()).toBe('会员价值');
  });

  it('shows the three-degree model on a member page, as the API scores the member', async () => {
    // a buyer, so every part of the card has something to show
    const list = await api<{ members: Array<{ id: string }> }>('/v1/members?limit=100');
    let scores: MemberScoresBody | null = null;
    for (const m of list.members) {
      const s = (await api<{ scores: MemberScoresBody | null }>(`/v1/members/${m.id}/scores`)).scores;
      if (s?.rfm.segment && s.densities.relationship !== null && s.densities.value !== null && s.densities.potential !== null) {
        scores = s;
        break;
      }
    }
    expect(scores, 'a scored buyer among the recent members').not.toBeNull();
    await page.goto(`${target.url}/#/members/${scores!.memberId}`);
    await page.getByTestId('three-degree').waitFor();
    await page.getByTestId('density-radar-chart').locator('canvas').first().waitFor();
    const radar = await page.getByTestId('density-radar-chart').locator('canvas').first().boundingBox();
    expect(radar?.width ?? 0).toBeGreaterThan(150);

    for (const k of ['relationship', 'value', 'potential'] as const) {
      const shown = await numberIn(page, `density-${k}-value`);
      expect(Math.abs(shown - scores!.densities[k]!), k).toBeLessThanOrEqual(0.051);
    }
    expect(await page.getByTestId('component-bond-value').textContent()).toBe('尚未测量（情感分析上线后提供）');
    expect(scores!.components['interaction']).not.toBeNull();
    expect(Math.abs((await numberIn(page, 'component-interaction-value')) - scores!.components['interaction']! * 100)).toBeLessThanOrEqual(0.051);
    expect(await page.getByTestId('badge-lifecycle').getAttribute('data-tier')).toBe(scores!.lifecycleTier);
    expect(await page.getByTestId('badge-communication').getAttribute('data-tier')).toBe(scores!.communicationTier);
    expect(await page.getByTestId('badge-rfm').textContent()).toContain(scores!.rfm.code!);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'member-three-degree.png') });

    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('component-bond-value').textContent()).toBe('not measured yet (comes with sentiment analysis)');
    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
  });

  it('says so when a member has not been scored yet', async () => {
    if (!target.writeKey) return;
    const userId = `e2e_unscored_${Date.now()}`;
    await ingest([{ type: 'identify', userId, messageId: `${userId}-identify`, traits: { name: userId } }]);
    const found = await api<{ members: Array<{ id: string }> }>(`/v1/members?query=${userId}`);
    const id = found.members[0]?.id;
    expect(id, 'the new member').toBeDefined();
    expect((await api<{ scores: MemberScoresBody | null }>(`/v1/members/${id}/scores`)).scores).toBeNull();
    await page.goto(`${target.url}/#/members/${id}`);
    await page.getByTestId('member-not-scored').waitFor();
    expect(await page.getByTestId('member-not-scored').textContent()).toContain('还没有被评分');
    expect(await page.getByTestId('density-radar-chart').count()).toBe(0);
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
