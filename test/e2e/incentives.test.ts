/**
 * The Incentives pages and the member page's incentives card in headless Chromium against a real server with 200
 * demo members: the creator-zh preset is installed through the overview page (with its confirmation); the catalogue
 * shows the API's holder counts and a badge's recent holders; the leaderboard's top rows are the API's; the rules
 * editor stops broken JSON locally and shows the server's 400 next to the field path it names; a member's ledger
 * names the rule behind each entry and why one was capped; the payout form's rows add up to the pool, as the API
 * computes them, and the CSV does too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueBody, LedgerEntryBody, MemberIncentivesBody, PayoutReportBody, RankedMemberBody, ReplayReportBody } from '../../src/api/schemas/index.ts';
import { openBrowserSession, SCREENSHOTS, T, type BrowserSession, type Target } from './harness.ts';

const DAY_MS = 86_400_000;

interface Board {
  board: string;
  period: string;
  timeZone: string;
  rows: RankedMemberBody[];
}

/** Digits of a number as the page shows it ("1,234" → 1234). */
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d-]/g, ''));
const zh = (n: number) => n.toLocaleString('zh-CN');

describe('incentives pages (headless Chromium)', () => {
  let session: BrowserSession;
  let target: Target;
  let page: Page;
  let installedVersion = 0;

  async function api<R>(p: string, init: { method?: string; body?: unknown; status?: number } = {}): Promise<R> {
    const res = await fetch(`${target.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${target.adminKey}`, 'Content-Type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    expect(res.status, `${init.method ?? 'GET'} ${p}`).toBe(init.status ?? 200);
    return (await res.json()) as R;
  }

  /** Sends Segment-style messages with the write key and waits until the column store has them all. */
  async function ingest(batch: object[]): Promise<void> {
    const res = await fetch(`${target.url}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([]);
    const deadline = Date.now() + T;
    while ((await api<{ columnizerLag: number }>('/v1/stats/overview?days=30')).columnizerLag > 0) {
      if (Date.now() > deadline) throw new Error('the column store still lags');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const isCall = (method: string, p: string) => (r: { url(): string; request(): Request }) => new URL(r.url()).pathname === p && r.request().method() === method;

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ target, page } = session);
  }, 180_000);

  afterAll(async () => session?.close(), 60_000);

  it('installs the creator-zh preset from the Incentives overview after a confirmation, and shows the replay report', async () => {
    await page.goto(`${target.url}/#/login?key=${encodeURIComponent(target.adminKey)}`);
    await page.getByTestId('overview-page').waitFor();
    const section = page.getByTestId('nav-section-incentives');
    expect(await section.locator('.nav__section').textContent()).toBe('激励');
    expect(await section.locator('.nav__label').allTextContents()).toEqual(['激励概览', '积分规则', '徽章与等级', '排行榜', '收益分成']);
    expect(await section.locator('.nav__badge').count(), 'live pages, not "coming"').toBe(0);
    await page.getByTestId('nav-incentivesOverview').click();
    await page.getByTestId('incentives-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/incentives');
    await page.getByTestId('inc-presets').waitFor();

    const preset = page.locator('[data-testid="inc-preset"][data-preset="creator-zh"]');
    expect(await preset.textContent()).toContain('中文创作者社区');
    await preset.getByTestId('inc-preset-install').click();
    expect(await preset.getByTestId('inc-preset-confirm').textContent()).toContain('安装“中文创作者社区”？');
    const answered = page.waitForResponse(isCall('POST', '/v1/gamification/presets/creator-zh'));
    await preset.getByTestId('inc-preset-install-yes').click();
    const res = await answered;
    expect(res.status()).toBe(200);
    const installed = (await res.json()) as { version: number; replay: ReplayReportBody };
    installedVersion = installed.version;
    expect(installed.replay.ledgerEntries, 'the demo’s events earn points').toBeGreaterThan(100);

    const report = page.getByTestId('inc-replay-report');
    await report.waitFor();
    expect(await report.getAttribute('data-version')).toBe(String(installed.version));
    expect(await report.textContent()).toContain(`已安装“中文创作者社区”，为第 ${installed.version} 版`);
    expect(await page.getByTestId('replay-events-value').textContent()).toBe(zh(installed.replay.events));
    expect(await page.getByTestId('replay-ledger-value').textContent()).toBe(zh(installed.replay.ledgerEntries));
    expect(await page.getByTestId('replay-badges-value').textContent()).toBe(zh(installed.replay.badgeAwards));
    expect(await page.getByTestId('replay-rate-value').textContent()).toBe(zh(installed.replay.eventsPerSecond));

    await page.getByTestId('inc-config-summary').waitFor();
    expect(await page.getByTestId('inc-config-version-value').textContent()).toBe(`第 ${installed.version} 版`);
    expect(await page.getByTestId('inc-config-preset-value').textContent()).toBe('中文创作者社区');
    expect(await preset.textContent()).toContain('当前使用');
    await page.locator(`[data-testid="inc-version-row"][data-version="${installed.version}"]`).waitFor();
    expect(await page.getByTestId('inc-version-row').first().getAttribute('data-version')).toBe(String(installed.version));
    const cat = await api<CatalogueBody>('/v1/gamification/catalogue');
    expect(digits(await page.getByTestId('inc-stat-awards-value').textContent())).toBe(cat.badges.reduce((s, b) => s + b.awards, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-overview.png'), fullPage: true });
  });

  it('shows the badges and levels with the API’s holder counts, and a badge’s recent holders', async () => {
    await page.getByTestId('nav-incentiveCatalogue').click();
    await page.getByTestId('incentive-catalogue-page').waitFor();
    await page.getByTestId('inc-badge').first().waitFor();
    const cat = await api<CatalogueBody>('/v1/gamification/catalogue');
    expect(cat.version).toBe(installedVersion);

    const tiles = page.getByTestId('inc-badge');
    expect(await tiles.count()).toBe(cat.badges.length);
    for (const b of cat.badges) {
      const tile = page.locator(`[data-testid="inc-badge"][data-badge="${String(b.definition['id'])}"]`);
      expect(await tile.getAttribute('data-class')).toBe(b.definition['class']);
      expect(digits(await tile.getByTestId('inc-badge-members').textContent()), `${String(b.definition['id'])} holders`).toBe(b.members);
      expect(digits(await tile.getByTestId('inc-badge-awards').textContent()), `${String(b.definition['id'])} awards`).toBe(b.awards);
    }
    // the criterion in words: "7-day streak" → 连续 7 天都有 check_in
    expect(await page.locator('[data-testid="inc-badge"][data-badge="check-in-7"]').textContent()).toContain('连续 7 天都有 check_in');

    const levels = page.getByTestId('inc-level');
    expect(await levels.count()).toBe(cat.levels.length);
    for (const [i, l] of cat.levels.entries()) {
      expect(await levels.nth(i).getAttribute('data-level')).toBe(l.definition['id']);
      expect(digits(await levels.nth(i).getByTestId('inc-level-members').textContent())).toBe(l.members);
    }
    expect(digits(await page.getByTestId('inc-levels-total').textContent())).toBe(cat.levels.reduce((s, l) => s + l.members, 0));
    expect(await page.locator('[data-testid="inc-level"][data-level="active_author"]').textContent()).toContain('积分 ≥ 50');
    expect(await page.locator('[data-testid="inc-level"][data-level="quality_author"]').textContent()).toContain('+ revenue_share');

    // the badge most members hold: its recent holders, as the API lists them
    const top = [...cat.badges].sort((a, b) => b.members - a.members)[0]!;
    const id = String(top.definition['id']);
    expect(top.members).toBeGreaterThan(0);
    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/gamification/badges/${id}/holders`);
    await page.locator(`[data-testid="inc-badge"][data-badge="${id}"]`).click();
    expect((await asked).status()).toBe(200);
    await page.locator(`[data-testid="inc-holders-badge"][data-badge="${id}"]`).waitFor();
    await page.getByTestId('inc-holder').first().waitFor();
    const holders = await api<{ holders: Array<{ member: string }> }>(`/v1/gamification/badges/${id}/holders?limit=20`);
    const shown = await page.getByTestId('inc-holder').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-member')));
    expect(shown).toEqual(holders.holders.map((h) => h.member));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-catalogue.png'), fullPage: true });
  });

  it('ranks the leaderboard as the API does, with dense ranks and the time zone named', async () => {
    await page.getByTestId('nav-leaderboards').click();
    await page.getByTestId('incentive-leaderboards-page').waitFor();
    const all = await api<Board>('/v1/gamification/leaderboards?board=all&period=all&limit=50');
    // The install replayed the ledger; the boards must follow it (they are rebuilt from the new ledger).
    expect(all.rows.length, 'the all-time board after the install’s replay').toBeGreaterThan(10);
    await page.getByTestId('inc-board-row').first().waitFor();
    const rows = page.getByTestId('inc-board-row');
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ member: e.getAttribute('data-member'), rank: Number(e.getAttribute('data-rank')), points: Number(e.getAttribute('data-points')) })));
    expect(shown).toEqual(all.rows.map((r) => ({ member: r.member, rank: r.rank, points: r.points })));
    expect(digits(await rows.first().getByTestId('inc-board-points').textContent())).toBe(all.rows[0]!.points);
    expect(await page.getByTestId('inc-board-period').textContent()).toContain(`按 ${all.timeZone} 计算`);
    // ties share a rank and say so
    const tied = all.rows.filter((r, i) => all.rows[i - 1]?.rank === r.rank || all.rows[i + 1]?.rank === r.rank);
    expect(await page.getByTestId('inc-board-tie').count()).toBe(tied.length);

    // this month, as the page asked for it
    const monthly = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/gamification/leaderboards' && new URL(r.url()).searchParams.get('period') === 'month');
    await page.getByTestId('inc-period-switch').getByRole('button', { name: '月' }).click();
    const res = await monthly;
    const url = new URL(res.url());
    expect(url.searchParams.get('day')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const month = await api<Board>(`/v1/gamification/leaderboards${url.search}`);
    await page.locator(`[data-testid="inc-board-period"][data-period="${month.period}"]`).waitFor();
    expect(month.period).toBe(`month:${url.searchParams.get('day')!.slice(0, 7)}`);
    const monthShown = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-member'), Number(e.getAttribute('data-rank')), Number(e.getAttribute('data-points'))]));
    expect(monthShown).toEqual(month.rows.map((r) => [r.member, r.rank, r.points]));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-leaderboard.png'), fullPage: true });
  });

  it('stops broken JSON in the page, and shows the server’s refusal next to the field path it names', async () => {
    await page.getByTestId('nav-incentiveRules').click();
    await page.getByTestId('incentive-rules-page').waitFor();
    await page.getByTestId('inc-rules-table').waitFor();
    const cfg = await api<{ version: number; config: { points: { rules: Array<{ id: string; caps?: object }> } } }>('/v1/gamification/config');
    const table = page.getByTestId('inc-rule-row');
    expect(await table.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')))).toEqual(cfg.config.points.rules.map((r) => r.id));
    expect(await table.first().getByTestId('inc-rule-name').textContent()).toBe('发帖');
    expect(await table.first().textContent()).toContain('每人每天最多 25 分');
    expect(await page.getByTestId('inc-limit-daily').textContent()).toContain('合计最多 60 分');
    expect(await page.getByTestId('inc-limit-floor').textContent()).toContain('不会低于 0 分');

    // a syntax error never leaves the page
    const sent: string[] = [];
    const onRequest = (r: Request) => {
      if (new URL(r.url()).pathname === '/v1/gamification/config' && r.method() === 'PUT') sent.push(r.url());
    };
    page.on('request', onRequest);
    const editor = page.getByTestId('inc-config-json');
    await editor.fill('{\n  "points": {\n    "rules": [,]\n  }\n}');
    await page.getByTestId('inc-config-save').click();
    await page.getByTestId('inc-json-error').waitFor();
    expect(await page.getByTestId('inc-json-error').textContent()).toBe('JSON 格式错误（第 3 行第 15 列）：这里不应出现 , 尚未发送到服务器。');
    await page.waitForTimeout(200);
    page.off('request', onRequest);
    expect(sent, 'nothing reaches the server').toEqual([]);

    // a negative daily cap on the first rule: the server names config.points.rules.0.caps.perDay
    const broken = structuredClone(cfg.config);
    broken.points.rules[0]!.caps = { perDay: -5 };
    await editor.fill(JSON.stringify(broken, null, 2));
    expect(await page.getByTestId('inc-rules-draft').textContent()).toBe('显示的是未保存的修改');
    const answered = page.waitForResponse(isCall('PUT', '/v1/gamification/config'));
    await page.getByTestId('inc-config-save').click();
    const res = await answered;
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; field: string } };
    expect(body.error.field).toBe('config.points.rules.0.caps.perDay');
    await page.getByTestId('inc-server-error').waitFor();
    expect(await page.getByTestId('inc-error-field').textContent()).toBe('config.points.rules.0.caps.perDay');
    expect(await page.getByTestId('inc-error-message').textContent()).toBe(body.error.message);
    const line = JSON.stringify(broken, null, 2).split('\n').findIndex((l) => l.includes('"perDay": -5')) + 1;
    expect(await page.getByTestId('inc-error-line').textContent()).toBe(`在编辑器第 ${line} 行。`);
    // the rule's row and its caps cell carry the message too
    const first = page.locator(`[data-testid="inc-rule-row"][data-rule="${cfg.config.points.rules[0]!.id}"]`);
    expect(await first.getAttribute('class')).toContain('inc-row--error');
    expect(await first.locator('.inc-cell--error').getByTestId('inc-rule-error').textContent()).toBe(body.error.message);
    await page.getByTestId('inc-error-show').click();
    expect(await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('-5');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-rules-error.png'), fullPage: true });
    // not saved
    expect((await api<{ version: number }>('/v1/gamification/config')).version).toBe(cfg.version);
    await page.getByTestId('inc-config-reset').click();
    expect(await page.getByTestId('inc-server-error').count()).toBe(0);
    expect(await page.getByTestId('inc-rules-draft').count()).toBe(0);
  });

  it('shows a member’s points, level, badges and ledger with the rule behind each entry and why one was capped', async () => {
    if (!target.writeKey) return;
    // seven posts on one day: the post rule pays 5 each up to 25 a day, so the last two are capped to 0
    const userId = `e2e_creator_${Date.now()}`;
    const day = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS + 4 * 3_600_000); // 12:00 in Asia/Shanghai, two days ago
    await ingest([
      { type: 'identify', userId, messageId: `${userId}-id`, traits: { name: '端到端创作者' }, timestamp: new Date(day.getTime() - 60_000).toISOString() },
      ...Array.from({ length: 7 }, (_, i) => ({
        type: 'track',
        event: 'post_created',
        userId,
        messageId: `${userId}-post-${i}`,
        timestamp: new Date(day.getTime() + i * 60_000).toISOString(),
        properties: { post_id: `${userId}-p${i}`, title: `帖子 ${i}` },
      })),
    ]);
    const id = (await api<{ members: Array<{ id: string }> }>(`/v1/members?query=${userId}`)).members[0]!.id;
    const inc = await api<MemberIncentivesBody>(`/v1/gamification/members/${id}`);
    expect(inc.points).toBe(25);
    const ledger = await api<{ entries: LedgerEntryBody[] }>(`/v1/gamification/members/${id}/ledger?limit=20`);
    expect(ledger.entries.filter((e) => e.capped === 'rule_day').length).toBe(2);

    await page.goto(`${target.url}/#/members/${id}`);
    await page.getByTestId('member-profile').filter({ hasText: id }).waitFor();
    const card = page.getByTestId('inc-member-card');
    await card.getByTestId('inc-ledger-entry').first().waitFor();
    expect(digits(await card.getByTestId('inc-member-points-value').textContent())).toBe(25);
    const entries = card.getByTestId('inc-ledger-entry');
    expect(await entries.count()).toBe(ledger.entries.length);
    for (const [i, e] of ledger.entries.entries()) {
      const row = entries.nth(i);
      expect(await row.getAttribute('data-entry')).toBe(String(e.id));
      expect(await row.getByTestId('inc-ledger-rule').textContent()).toBe(e.ruleName!.zh);
      expect(await row.getByTestId('inc-ledger-points').textContent()).toContain(e.points > 0 ? `+${e.points}` : String(e.points));
      if (e.capped === 'rule_day') {
        expect(await row.getByTestId('inc-ledger-why').textContent()).toBe('原本 +5，实得 0：达到规则的每日上限（每人每天最多 25 分）');
      } else {
        expect(await row.getByTestId('inc-ledger-why').textContent()).toBe('全额计入');
      }
    }
    expect(await card.getByTestId('inc-member-badge').first().getAttribute('data-badge')).toBe(inc.badges[0]!.badgeId);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-member-capped.png'), fullPage: true });

    // the leaderboard's top member: balance, rank, level and badges as the API gives them
    const topId = (await api<Board>('/v1/gamification/leaderboards?limit=1')).rows[0]!.member;
    const topInc = await api<MemberIncentivesBody>(`/v1/gamification/members/${topId}`);
    const topLedger = await api<{ entries: LedgerEntryBody[] }>(`/v1/gamification/members/${topId}/ledger?limit=20`);
    await page.goto(`${target.url}/#/members/${topId}`);
    await page.getByTestId('member-profile').filter({ hasText: topId }).waitFor();
    await card.getByTestId('inc-ledger-entry').first().waitFor();
    expect(digits(await card.getByTestId('inc-member-points-value').textContent())).toBe(topInc.points);
    expect(await card.getByTestId('inc-member-rank-value').textContent()).toBe(`第 ${topInc.rank!.rank} 名 / 共 ${zh(topInc.rank!.members)} 人`);
    expect(await card.getByTestId('inc-member-level-value').locator('[data-level]').getAttribute('data-level')).toBe(topInc.level.id);
    expect(await card.getByTestId('inc-member-privileges').locator('.tag').allTextContents()).toEqual(topInc.level.privileges);
    expect(await card.getByTestId('inc-member-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-badge')))).toEqual([...new Set(topInc.badges.map((b) => b.badgeId))]);
    expect(await card.getByTestId('inc-ledger-rule').allTextContents()).toEqual(topLedger.entries.map((e) => e.ruleName!.zh));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-member.png'), fullPage: true });
  });

  it('computes a payout whose rows add up to the pool exactly, as the API does, and downloads it as CSV', async () => {
    await page.goto(`${target.url}/#/incentives/payouts`);
    await page.getByTestId('incentive-payouts-page').waitFor();
    await page.getByTestId('inc-payout-form').waitFor();
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 90 * DAY_MS).toISOString().slice(0, 10);
    await page.getByTestId('inc-payout-from').fill(from);
    await page.getByTestId('inc-payout-to').fill(to);
    // 1,000.03 yuan: exactly 100003 fen, not 100002.99999999999
    await page.getByTestId('inc-payout-pool').fill('1000.03');
    expect(await page.getByTestId('inc-pool-fen').textContent()).toContain('100,003 分');
    await page.getByTestId('inc-payout-min-points').fill('5');

    const answered = page.waitForResponse(isCall('POST', '/v1/gamification/payouts'));
    await page.getByTestId('inc-payout-submit').click();
    const res = await answered;
    expect(res.status()).toBe(200);
    const request = JSON.parse(res.request().postData() ?? '{}') as unknown;
    expect(request).toEqual({ from, to, pool: { amount: 100003, currency: 'CNY' }, minPoints: 5 });
    const report = (await res.json()) as PayoutReportBody;
    const expected = await api<PayoutReportBody>('/v1/gamification/payouts', { method: 'POST', body: request });
    expect(report.rows.length, 'demo members earned points in the last 90 days').toBeGreaterThan(3);

    const rows = page.getByTestId('inc-payout-row');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-member'), Number(e.getAttribute('data-points')), Number(e.getAttribute('data-amount'))]));
    expect(shown).toEqual(expected.rows.map((r) => [r.member, r.points, r.amount]));
    expect(shown.reduce((s, r) => s + (r[2] as number), 0), 'the rows add up to the pool').toBe(100003);
    // amounts are shown in yuan to the cent, and their total is the pool
    expect(await rows.first().getByTestId('inc-payout-amount').textContent()).toBe((expected.rows[0]!.amount / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
    expect(await page.getByTestId('inc-payout-sum').textContent()).toBe('1,000.03');
    expect(await page.getByTestId('inc-payout-check').getAttribute('data-paid')).toBe('100003');
    expect(await page.getByTestId('inc-payout-check').textContent()).toContain('= 奖金池 1,000.03 CNY，一分不差');
    expect(await page.getByTestId('inc-payout-excluded-row').count()).toBe(expected.excluded.length);
    for (const x of expected.excluded.filter((e) => e.reason === 'below_min_points').slice(0, 3)) {
      expect(await page.locator(`[data-testid="inc-payout-excluded-row"][data-member="${x.member}"]`).textContent()).toContain('积分低于最低积分 5');
    }

    const download = page.waitForEvent('download');
    await page.getByTestId('inc-payout-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`payouts-${from}-${to}.csv`);
    const csv = parse(fs.readFileSync((await file.path())!, 'utf8'), { columns: true }) as Array<{ amount: string; currency: string }>;
    expect(csv.length).toBe(expected.rows.length);
    expect(csv.reduce((s, r) => s + Number(r.amount), 0)).toBe(100003);
    await page.getByTestId('inc-payout-csv-done').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-payouts.png'), fullPage: true });
  });

  it('reads in English too', async () => {
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('incentive-payouts-page').locator('h1').textContent()).toBe('Payouts');
    expect(await page.getByTestId('inc-payout-check').textContent()).toContain('= pool 1,000.03 CNY, to the cent');
    expect(await page.getByTestId('nav-section-incentives').locator('.nav__section').textContent()).toBe('Incentives');
    await page.getByTestId('nav-incentiveRules').click();
    await page.getByTestId('inc-rules-table').waitFor();
    expect(await page.getByTestId('inc-rule-name').first().textContent()).toBe('Published a post');
    expect(await page.getByTestId('inc-limit-daily').textContent()).toContain('at most 60 points a day across rules');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incentives-rules-en.png'), fullPage: true });
    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
