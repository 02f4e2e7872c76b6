/**
 * The Stack Exchange points preset against Stack Exchange's own answer: the cardano dump imported through the
 * foundation's importer into a real store, its events replayed through the points engine, and each user's balance
 * compared with the Reputation column of Users.xml. The issue asks for exact equality for at least 77% of users;
 * what keeps the rest from matching is not in the dump (the +100 association bonus, deleted posts, the −1 of
 * downvoting an answer, suggested edits whose editors are hidden), and the distribution of misses printed here shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapState } from '../../src/gamification/events.ts';
import { memberBalance, PointsEngine, type LedgerEntry } from '../../src/gamification/points/engine.ts';
import { stackExchangePoints } from '../../src/gamification/presets/stackexchange/points.ts';
import { dumpReputation, openCardanoStore, type SeStore } from './se-store.ts';

let st: SeStore;
const ledger: LedgerEntry[] = [];
const state = new MapState();
/** SE user id → computed reputation. */
const computed = new Map<string, number>();

beforeAll(async () => {
  st = await openCardanoStore();
  // The workspace zone is deliberately not UTC: the preset's own zone (UTC) must win.
  const engine = new PointsEngine(stackExchangePoints, { timeZone: 'Asia/Shanghai' });
  const names = new Set(engine.eventNames());
  for (const e of st.events) if (names.has(e.name)) for (const x of engine.apply(e, state)) ledger.push(x);
  const sums = new Map<number, number>();
  for (const x of ledger) sums.set(x.memberId, (sums.get(x.memberId) ?? 0) + x.points);
  // A user the rules never touched has the starting balance (Stack Exchange: every account starts at 1).
  for (const [memberId, userId] of st.userIdOf) computed.set(userId, sums.get(memberId) ?? stackExchangePoints.startingBalance ?? 0);
}, 120_000);

afterAll(async () => {
  await st?.close();
});

describe('Stack Exchange reputation preset on the cardano dump', () => {
  it('keeps the ledger and the state in step', () => {
    const sums = new Map<number, number>();
    for (const x of ledger) sums.set(x.memberId, (sums.get(x.memberId) ?? 0) + x.points);
    for (const [m, s] of sums) expect(memberBalance(state, m)).toBe(s);
    expect(new Set(ledger.map((x) => x.key)).size).toBe(ledger.length);
    for (const s of sums.values()) expect(s).toBeGreaterThanOrEqual(1); // the floor
  });

  it('equals Users.xml Reputation exactly for at least 77% of users', () => {
    const reputation = dumpReputation();
    let exact = 0;
    let missing = 0;
    let bonusOnly = 0;
    const diffs = new Map<number, number>();
    for (const [userId, rep] of reputation) {
      const ours = computed.get(userId);
      if (ours === undefined) {
        missing++;
        continue;
      }
      const d = rep - ours;
      if (d === 100 && ours === 1) bonusOnly++;
      if (d === 0) exact++;
      else diffs.set(d, (diffs.get(d) ?? 0) + 1);
    }
    const users = reputation.size;
    const share = exact / users;
    const misses = users - exact;
    const count = (f: (d: number) => boolean) => [...diffs].reduce((s, [d, c]) => (f(d) ? s + c : s), 0);
    const bucket = (d: number) => (d < -10 ? '< -10' : d < 0 ? '-10..-1' : d <= 10 ? '1..10' : d < 99 ? '11..98' : d <= 110 ? '99..110' : '> 110');
    const histogram = new Map<string, number>();
    for (const [d, c] of diffs) histogram.set(bucket(d), (histogram.get(bucket(d)) ?? 0) + c);
    console.log(
      [
        `SE reputation on cardano: ${exact} of ${users} users exact (${(100 * share).toFixed(2)}%); ${misses} misses; ${missing} users without a member`,
        `  dump above ours by exactly +100 (association bonus): ${count((d) => d === 100)}, of which ${bonusOnly} with no scored activity (101 vs 1); by exactly +101: ${count((d) => d === 101)}; by 99–110 otherwise (bonus and a little more): ${count((d) => d >= 99 && d <= 110 && d !== 100 && d !== 101)}`,
        `  dump above ours: ${count((d) => d > 0)}; dump below ours: ${count((d) => d < 0)}`,
        `  histogram (dump − ours): ${['< -10', '-10..-1', '1..10', '11..98', '99..110', '> 110'].map((b) => `${b}: ${histogram.get(b) ?? 0}`).join(', ')}`,
        `  most common differences: ${[...diffs].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12).map(([d, c]) => `${d > 0 ? '+' : ''}${d}×${c}`).join(', ')}`,
      ].join('\n'),
    );
    expect(missing).toBe(0);
    expect(share).toBeGreaterThanOrEqual(0.77);
  });

  it('uses the rules the dump can show, and days in UTC', () => {
    const byRule = new Map<string, number>();
    for (const x of ledger) byRule.set(x.ruleId, (byRule.get(x.ruleId) ?? 0) + 1);
    for (const id of ['$start', 'answer_upvoted', 'question_upvoted', 'post_downvoted', 'answer_accepted', 'accepted_an_answer', 'bounty_offered', 'bounty_awarded']) expect(byRule.get(id) ?? 0).toBeGreaterThan(0);
    // The dump starts in 2021: the +5 question rule never applies; editors and downvoters are hidden.
    expect(byRule.get('question_upvoted_5') ?? 0).toBe(0);
    expect(byRule.get('suggested_edit_approved') ?? 0).toBe(0);
    expect(byRule.get('downvoted_an_answer') ?? 0).toBe(0);
    // Votes are dated T00:00:00 UTC; in UTC days they fall on their own date.
    const vote = ledger.find((x) => x.ruleId === 'answer_upvoted')!;
    expect(new Date(vote.ts / 1000).toISOString().slice(0, 10)).toBe(vote.day);
    expect(ledger.some((x) => x.capped === 'daily')).toBe(true);
  });
});
