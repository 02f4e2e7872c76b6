/**
 * The built console in headless Chromium against a real server with 200 demo members: sign-in through the
 * printed URL, live overview numbers and chart, language switch, "coming" placeholders, member search and
 * profile with timeline, and the 401 → login redirect. Set SHEYUN_E2E_URL (+ SHEYUN_E2E_ADMIN_KEY) to run
 * against an already running server instead of starting one.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberProfile } from '../../src/api/schemas/index.ts';
import { openBrowserSession, SCREENSHOTS, statValue, T, type BrowserSession, type Target } from './harness.ts';

describe('web console (headless Chromium)', () => {
  let target: Target;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession();
    ({ target, browser, context, page } = session);
  }, 180_000);

  afterAll(async () => session?.close(), 60_000);

  it('signs in through the URL the server prints and lands on the overview', async () => {
    await page.goto(`${target.url}/#/login?key=${encodeURIComponent(target.adminKey)}`);
    await page.getByTestId('overview-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.evaluate(() => localStorage.getItem('sheyun.adminKey'))).toBe(target.adminKey);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('shows live member and event counts, explained, and a rendered events-per-day chart', async () => {
    expect(await statValue(page, 'stat-members')).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-events')).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-events-today')).toBeGreaterThanOrEqual(0);
    expect(await statValue(page, 'stat-lag')).toBeGreaterThanOrEqual(0);

    // "events today" names the workspace time zone in its help text
    const todayHelp = await page.getByTestId('stat-events-today').getByRole('tooltip', { includeHidden: true }).textContent();
    expect(todayHelp).toMatch(/[A-Za-z_]+\/[A-Za-z_]+|UTC/);
    expect(await page.getByTestId('workspace').textContent()).not.toContain('…');

    const canvas = page.getByTestId('events-per-day-chart').locator('canvas');
    await canvas.first().waitFor();
    const box = await canvas.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await page.getByTestId('events-by-name').locator('tbody tr').count()).toBeGreaterThan(0);

    // 30 → 90 days asks the server again and keeps a chart on screen
    const ninety = page.waitForResponse((r) => r.url().includes('/v1/stats/overview') && r.url().includes('days=90'));
    await page.getByTestId('days-switch').getByRole('button').nth(1).click();
    expect((await ninety).status()).toBe(200);
    await canvas.first().waitFor();
    await page.getByTestId('days-switch').getByRole('button').nth(0).click();

    await page.waitForTimeout(600); // let the chart animation settle before the screenshot
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });
  });

  it('switches the language between 中文 and English and remembers it', async () => {
    const nav = (label: string) => page.getByTestId(`nav-${label}`).locator('.nav__label');
    expect(await nav('overview').textContent()).toBe('概览');
    expect(await nav('members').textContent()).toBe('成员');

    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await nav('overview').textContent()).toBe('Overview');
    expect(await nav('members').textContent()).toBe('Members');
    expect(await page.evaluate(() => localStorage.getItem('sheyun.lang'))).toBe('en');

    await page.reload();
    await page.getByTestId('overview-page').waitFor();
    expect(await nav('overview').textContent()).toBe('Overview');
    expect(await statValue(page, 'stat-members')).toBeGreaterThan(0);
    await page.getByTestId('events-per-day-chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-en.png') });

    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await nav('overview').textContent()).toBe('概览');
  });

  it('marks the later pages as coming and shows a placeholder for them', async () => {
    for (const p of ['rewards', 'listening', 'automations', 'experiments', 'analytics']) {
      expect(await page.getByTestId(`nav-${p}`).locator('.nav__badge').textContent(), p).toBe('即将推出');
    }
    // Members value and Segments are live pages now: no "coming" badge
    expect(await page.getByTestId('nav-value').locator('.nav__label').textContent()).toBe('会员价值');
    expect(await page.getByTestId('nav-value').locator('.nav__badge').count()).toBe(0);
    expect(await page.getByTestId('nav-segments').locator('.nav__label').textContent()).toBe('分群');
    expect(await page.getByTestId('nav-segments').locator('.nav__badge').count()).toBe(0);
    await page.getByTestId('nav-rewards').click();
    await page.getByTestId('coming-page').waitFor();
    expect(await page.getByTestId('coming-page').textContent()).toContain('即将推出');
    expect(new URL(page.url()).hash).toBe('#/rewards');

    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('coming-page').textContent()).toContain('Coming');
    expect(await page.getByTestId('nav-rewards').locator('.nav__badge').textContent()).toBe('Coming');
    await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
  });

  it('searches members and opens a profile with identities and a timeline', async () => {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-table').waitFor();
    expect(await page.getByTestId('member-link').count()).toBeGreaterThan(0);

    // pick a member with events from the recent list; search by its name, or by an identity value if unnamed
    const rows = page.getByTestId('member-table').locator('tbody tr');
    let memberId = '';
    let name = '';
    for (let i = 0; i < (await rows.count()) && !memberId; i++) {
      const row = rows.nth(i);
      const events = Number((await row.locator('td.num').first().textContent())?.replace(/\D/g, ''));
      if (events > 0) {
        memberId = (await row.locator('.member-link__id').textContent())?.trim() ?? '';
        name = (await row.locator('.member-link__name').textContent())?.trim() ?? '';
        if (/^[（(]/.test(name)) name = '';
      }
    }
    expect(memberId, 'a member with events in the recent list').not.toBe('');
    let term = name;
    if (!term) {
      const res = await fetch(`${target.url}/v1/members/${encodeURIComponent(memberId)}`, {
        headers: { Authorization: `Bearer ${target.adminKey}` },
      });
      const profile = (await res.json()) as MemberProfile;
      term = profile.identities[0]?.value ?? '';
    }
    expect(term, 'a name or identity value to search for').not.toBe('');

    const searched = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/members' && new URL(r.url()).searchParams.get('query') === term,
    );
    await page.getByTestId('member-search').fill(term);
    expect((await searched).status()).toBe(200);
    const hit = page.getByTestId('member-link').filter({ hasText: memberId }).first();
    await hit.waitFor();
    await hit.click();

    await page.getByTestId('member-profile').waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/members\/.+/);
    expect(await page.getByTestId('member-profile').textContent()).toContain(memberId);
    if (name) expect((await page.getByTestId('member-name').textContent())?.trim()).toBe(name);
    await page.getByTestId('member-identities').waitFor();
    await page.getByTestId('timeline-event').first().waitFor();
    expect(await page.getByTestId('timeline-event').count()).toBeGreaterThan(0);
    expect((await page.getByTestId('timeline-event-name').first().textContent())?.trim()).not.toBe('');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'member.png'), fullPage: true });
  });

  it('sends the user back to the login page with a message when the API answers 401', async () => {
    await page.evaluate(() => localStorage.setItem('sheyun.adminKey', 'sy_a_not_a_real_key'));
    await page.goto(`${target.url}/#/`);
    await page.reload();
    await page.getByTestId('login-reason').waitFor();
    expect(new URL(page.url()).hash).toBe('#/login');
    expect(await page.getByTestId('login-reason').textContent()).toContain('401');
    expect(await page.evaluate(() => localStorage.getItem('sheyun.adminKey'))).toBeNull();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'login.png') });

    // the paste-a-key form signs in again
    await page.getByTestId('login-form').locator('input[name="adminKey"]').fill(target.adminKey);
    await page.getByTestId('login-form').getByRole('button').last().click();
    await page.getByTestId('overview-page').waitFor();
    expect(await statValue(page, 'stat-members')).toBeGreaterThan(0);
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
