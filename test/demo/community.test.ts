/** The generated 2,000-member demo community: valid, deterministic, skewed, bilingual, and internally consistent. */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTextLabel, demoTruth, estimateDemoEvents, generateDemo, type DemoMemberTruth, type DemoOptions } from '../../src/demo/index.ts';
import { messageSchema, type IngestMessageInput } from '../../src/ingest/schema.ts';

const END = new Date('2025-06-30T15:42:17.345Z');
const OPTS: DemoOptions = { members: 2000, end: END };

type Msg = IngestMessageInput & {
  event?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
};

let batches: IngestMessageInput[][] = [];
let all: Msg[] = [];
let truth: DemoMemberTruth[] = [];
const byEvent = (name: string): Msg[] => all.filter((m) => m.type === 'track' && m.event === name);
const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
};

beforeAll(() => {
  batches = [...generateDemo(OPTS)];
  all = batches.flat() as Msg[];
  truth = [...demoTruth(OPTS)];
});

describe('generateDemo (2,000 members)', () => {
  it('yields exactly estimateDemoEvents messages in batches of at most 500', () => {
    expect(all.length).toBe(estimateDemoEvents(OPTS));
    expect(all.length).toBeGreaterThan(15_000);
    expect(all.length).toBeLessThan(25_000);
    for (const b of batches.slice(0, -1)) expect(b.length).toBe(500);
    expect(batches.at(-1)!.length).toBeLessThanOrEqual(500);
  });

  it('produces only messages the ingest schema accepts, with unique deterministic ids', () => {
    const failures = all.map((m, i) => [i, messageSchema.safeParse(m)] as const).filter(([, r]) => !r.success);
    expect(failures.slice(0, 3).map(([i, r]) => [all[i], r.error?.issues])).toEqual([]);
    const ids = all.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(all.length);
    expect(ids[0]).toBe('demo-42-0');
    expect(ids.every((id, i) => id === `demo-42-${i}`)).toBe(true);
  });

  it('is byte-identical for the same options and different for another seed', () => {
    const hash = (opts: DemoOptions): string => {
      const h = createHash('sha256');
      for (const b of generateDemo(opts)) h.update(JSON.stringify(b));
      return h.digest('hex');
    };
    const first = createHash('sha256');
    for (const b of batches) first.update(JSON.stringify(b));
    expect(hash({ ...OPTS, end: new Date(END.getTime()) })).toBe(first.digest('hex'));
    expect(hash({ ...OPTS, seed: 7 })).not.toBe(hash(OPTS));
  });

  it('dates every message as ISO-8601 UTC within [end - 12 months, end]', () => {
    const start = Date.UTC(2024, 5, 30, 15, 42, 17, 345);
    const bad = all.filter((m) => {
      const ts = str(m.timestamp);
      const t = Date.parse(ts);
      return !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(ts) || new Date(t).toISOString() !== ts || t < start || t > END.getTime();
    });
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('has plausible counts per event type', () => {
    const count = (e: string): number => byEvent(e).length;
    expect(count('signed_up')).toBe(2000);
    expect(all.filter((m) => m.type === 'identify').length).toBeGreaterThan(2000);
    for (const e of ['post_created', 'comment_created', 'post_liked', 'check_in', 'purchase', 'invite_sent', 'invite_accepted', 'page_viewed']) {
      expect(count(e), e).toBeGreaterThan(100);
    }
    expect(count('post_liked')).toBeGreaterThan(count('post_created'));
    expect(count('comment_created')).toBeGreaterThan(count('post_created'));
    expect(count('invite_sent')).toBeGreaterThanOrEqual(count('invite_accepted'));
    expect(count('purchase') / all.length).toBeGreaterThan(0.02);
    expect(count('purchase') / all.length).toBeLessThan(0.2);
    const snake = new Set(all.filter((m) => m.type === 'track').map((m) => str(m.event)));
    for (const e of snake) expect(e).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('skews activity like Zipf: the top 5% of members produce at least 30% of messages', () => {
    const owner = new Map<string, number>();
    truth.forEach((t, i) => {
      owner.set(t.userId, i);
      if (t.second) owner.set(t.second.userId, i);
    });
    const perMember = new Array<number>(truth.length).fill(0);
    let anonymous = 0;
    for (const m of all) {
      const i = m.userId === undefined ? undefined : owner.get(String(m.userId));
      if (i === undefined) anonymous++;
      else perMember[i]!++;
    }
    perMember.sort((a, b) => b - a);
    const top = perMember.slice(0, truth.length / 20).reduce((a, b) => a + b, 0);
    expect(top / all.length).toBeGreaterThan(0.3);
    expect(perMember[truth.length / 2]).toBeLessThan(10);
    expect(anonymous).toBeGreaterThan(0);
    truth.forEach((t) => expect(t.messages).toBeGreaterThanOrEqual(2));
  });

  it('grows over the year: more members join in the last quarter than in the first', () => {
    const joinsIn = (from: string, to: string): number =>
      byEvent('signed_up').filter((m) => str(m.timestamp) >= from && str(m.timestamp) < to).length;
    expect(joinsIn('2025-04-01', '2025-07-01')).toBeGreaterThan(1.5 * joinsIn('2024-07-01', '2024-10-01'));
  });

  it('links cross-platform accounts by a verified email, and gives a few unverified shared emails', () => {
    const identifies = all.filter((m) => m.type === 'identify');
    const byEmail = new Map<string, Msg[]>();
    for (const m of identifies) {
      const email = str(m.traits?.email);
      byEmail.set(email, [...(byEmail.get(email) ?? []), m]);
    }
    const groups = [...byEmail.values()].filter((g) => g.length > 1);
    const verifiedPairs = groups.filter((g) => g.every((m) => m.traits?.email_verified === true) && new Set(g.map((m) => m.platform)).size === g.length);
    expect(verifiedPairs.length).toBeGreaterThan(50);
    const linked = new Set(truth.filter((t) => t.second).map((t) => `${t.userId} ${t.second!.userId}`));
    for (const g of verifiedPairs) expect(linked.has(`${g[0]!.userId} ${g[1]!.userId}`)).toBe(true);
    const shared = groups.filter((g) => g.some((m) => m.traits?.email_verified === false));
    expect(shared.length).toBeGreaterThan(3);
    const sharers = new Map(truth.filter((t) => t.sharesEmailWith).map((t) => [t.userId, t.sharesEmailWith]));
    for (const g of shared) expect(g.some((m) => sharers.get(String(m.userId)) !== undefined)).toBe(true);
  });

  it('gives identify traits: names, emails, Chinese mobile numbers, cities, channels', () => {
    const first = all.filter((m) => m.type === 'identify' && m.traits?.signup_channel !== undefined);
    expect(first.length).toBe(2000);
    expect(first.some((m) => /^[\u4e00-\u9fff]{2,4}$/.test(str(m.traits?.name)))).toBe(true);
    expect(first.some((m) => /^[A-Z][a-z]+ [A-Z]/.test(str(m.traits?.name)))).toBe(true);
    const phones = first.map((m) => m.traits?.phone).filter((p) => p !== undefined);
    expect(phones.length).toBeGreaterThan(400);
    for (const p of phones) expect(p).toMatch(/^\+86 1[3-9]\d \d{4} \d{4}$/);
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(first.map((m) => m.traits?.city)).size).toBeGreaterThan(10);
  });

  it('lets some members browse anonymously first, then identify with both ids', () => {
    const anon = all.filter((m) => m.userId === undefined);
    expect(anon.length).toBeGreaterThan(300);
    const linking = new Map(all.filter((m) => m.type === 'identify' && m.anonymousId !== undefined).map((m) => [m.anonymousId, m]));
    for (const m of anon) {
      const identify = linking.get(m.anonymousId);
      expect(identify?.userId).toBeDefined();
      expect(str(m.timestamp) <= str(identify!.timestamp)).toBe(true);
    }
  });

  it('writes bilingual posts and comments, positive and negative, and targets the post author', () => {
    const seen = new Set<string>();
    for (const m of [...byEvent('post_created'), ...byEvent('comment_created')]) {
      const label = demoTextLabel(str(m.properties?.body));
      expect(label, str(m.properties?.body)).toBeDefined();
      expect(label!.lang).toBe(m.properties?.lang);
      seen.add(`${label!.lang}:${label!.sentiment}`);
    }
    for (const k of ['zh:positive', 'zh:negative', 'zh:neutral', 'en:positive', 'en:negative', 'en:neutral']) expect(seen).toContain(k);

    const posts = new Map(byEvent('post_created').map((m) => [m.properties?.post_id, m]));
    expect(posts.size).toBe(byEvent('post_created').length);
    for (const m of [...byEvent('comment_created'), ...byEvent('post_liked')]) {
      const post = posts.get(m.properties?.post_id);
      expect(post).toBeDefined();
      expect(m.target?.userId).toBe(post!.userId);
      expect(m.target?.userId).not.toBe(m.userId);
      expect(m.platform).toBe(post!.platform);
      expect(str(post!.timestamp) < str(m.timestamp)).toBe(true);
    }
  });

  it('records invitations consistently from both sides', () => {
    const sent = new Map(byEvent('invite_sent').map((m) => [m.properties?.invite_code, m]));
    const signups = new Map(byEvent('signed_up').map((m) => [m.userId, m]));
    for (const m of byEvent('invite_accepted')) {
      const invite = sent.get(m.properties?.invite_code);
      expect(invite?.userId).toBe(m.properties?.inviter_id);
      expect(m.target?.userId).toBe(m.properties?.inviter_id);
      expect(str(invite!.timestamp) < str(m.timestamp)).toBe(true);
      expect(signups.get(m.userId)?.properties?.invited_by).toBe(m.properties?.inviter_id);
    }
    expect(byEvent('invite_sent').length).toBeGreaterThan(byEvent('invite_accepted').length);
  });

  it('has skewed purchases with repeat buyers across categories, amounts in integer fen', () => {
    const purchases = byEvent('purchase');
    const buyers = new Map<string, number>();
    const categories = new Set<unknown>();
    for (const m of purchases) {
      const amount = m.properties?.amount as number;
      expect(Number.isInteger(amount)).toBe(true);
      expect(amount).toBeGreaterThanOrEqual(1900);
      expect(amount).toBeLessThanOrEqual(299_900);
      expect(m.properties?.currency).toBe('CNY');
      categories.add(m.properties?.category);
      buyers.set(String(m.userId), (buyers.get(String(m.userId)) ?? 0) + 1);
    }
    expect(categories.size).toBe(6);
    expect([...buyers.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
    const amounts = purchases.map((m) => m.properties?.amount as number).sort((a, b) => a - b);
    const median = amounts[amounts.length >> 1]!;
    const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length;
    expect(mean).toBeGreaterThan(1.3 * median);
  });

  it('checks in at most once per local day, in streaks', () => {
    const days = new Map<string, number[]>();
    for (const m of byEvent('check_in')) {
      const localDay = Math.floor((Date.parse(str(m.timestamp)) + 8 * 3600_000) / 86_400_000);
      days.set(String(m.userId), [...(days.get(String(m.userId)) ?? []), localDay]);
    }
    let longest = 0;
    for (const list of days.values()) {
      expect(new Set(list).size).toBe(list.length);
      list.sort((a, b) => a - b);
      let run = 1;
      for (let k = 1; k < list.length; k++) {
        run = list[k] === list[k - 1]! + 1 ? run + 1 : 1;
        longest = Math.max(longest, run);
      }
    }
    expect(longest).toBeGreaterThanOrEqual(14);
  });

  it('shows lifecycles only through behaviour: churned members go quiet, active ones stay', () => {
    const owner = new Map<string, DemoMemberTruth>();
    for (const t of truth) {
      owner.set(t.userId, t);
      if (t.second) owner.set(t.second.userId, t);
    }
    const last = new Map<DemoMemberTruth, string>();
    for (const m of all) {
      const t = m.userId === undefined ? undefined : owner.get(String(m.userId));
      if (t && str(m.timestamp) > (last.get(t) ?? '')) last.set(t, str(m.timestamp));
    }
    const stillActive = (lc: string): number => {
      const members = truth.filter((t) => t.lifecycle === lc && t.joinedAt < '2025-03-01');
      return members.filter((t) => (last.get(t) ?? '') >= '2025-06-01').length / members.length;
    };
    expect(stillActive('active')).toBeGreaterThan(0.5);
    expect(stillActive('churned')).toBeLessThan(0.05);
    for (const m of all) expect(JSON.stringify(m)).not.toMatch(/lifecycle|churn|persona/);
  });
});
