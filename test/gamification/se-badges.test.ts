/**
 * The Stack Exchange badge preset against Stack Exchange's own awards: the cardano dump goes through the real
 * importer into a real store, the engine replays the log, and its awards are compared with Badges.xml as multisets
 * of (user, badge), with the award days compared among the matches. Reference: Badges.xml of the same dump (the
 * `badge_awarded` events in the log are that file, and the engine must not listen to them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadgeEngine, type BadgeAward } from '../../src/gamification/badges/engine.ts';
import { MapState } from '../../src/gamification/events.ts';
import { STACK_EXCHANGE_BADGES } from '../../src/gamification/presets/stackexchange/badges.ts';
import { dumpBadges, openCardanoStore, type SeStore } from './se-store.ts';

interface Figures {
  ours: number;
  theirs: number;
  matched: number;
  sameDay: number;
}

let st: SeStore;
let awards: BadgeAward[];
let eventsPerSecond = 0;

beforeAll(async () => {
  st = await openCardanoStore();
  const engine = new BadgeEngine(STACK_EXCHANGE_BADGES, { timeZone: 'UTC' });
  const names = new Set(engine.eventNames());
  const state = new MapState();
  awards = [];
  const started = performance.now();
  for (const e of st.events) if (names.has(e.name)) for (const a of engine.apply(e, state)) awards.push(a);
  eventsPerSecond = st.events.length / ((performance.now() - started) / 1000);
}, 120_000);

afterAll(async () => {
  await st?.close();
});

/** Badges whose every input event occurs in this log (Editor needs post_edited, from PostHistory.xml, absent here). */
function observableBadges(logNames: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of STACK_EXCHANGE_BADGES) {
    if (new BadgeEngine([def], { timeZone: 'UTC' }).eventNames().every((n) => logNames.has(n))) out.set(def.id, def.name.en);
  }
  return out;
}

describe('Stack Exchange badges on the cardano dump', () => {
  it('does not listen to the imported badge_awarded events', () => {
    expect(new BadgeEngine(STACK_EXCHANGE_BADGES, { timeZone: 'UTC' }).eventNames()).not.toContain('badge_awarded');
    expect(st.events.some((e) => e.name === 'badge_awarded')).toBe(true);
  });

  it('matches Badges.xml: ≥ 97% precision, ≥ 90% recall, ≥ 90% of matches on the same UTC day', () => {
    const observable = observableBadges(new Set(st.events.map((e) => e.name)));
    expect([...STACK_EXCHANGE_BADGES.map((b) => b.id)].filter((id) => !observable.has(id))).toEqual(['editor']);
    const implemented = new Set(observable.values());

    // (badge name, SE user) → award days, ours and theirs. Members without a user id (deleted users) cannot match.
    const groups = new Map<string, { ours: string[]; theirs: string[] }>();
    const group = (name: string, user: string) => {
      const k = `${name}\u0000${user}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { ours: [], theirs: [] }));
      return g;
    };
    for (const a of awards) {
      const name = observable.get(a.badgeId);
      if (name !== undefined) group(name, st.userIdOf.get(a.memberId) ?? `member:${a.memberId}`).ours.push(a.day);
    }
    for (const b of dumpBadges()) if (!b.tagBased && implemented.has(b.name)) group(b.name, b.userId).theirs.push(b.day);

    const perBadge = new Map<string, Figures>([...implemented].map((n) => [n, { ours: 0, theirs: 0, matched: 0, sameDay: 0 }]));
    for (const [k, g] of groups) {
      const f = perBadge.get(k.slice(0, k.indexOf('\u0000')))!;
      const matched = Math.min(g.ours.length, g.theirs.length);
      // The most matches that can share a day: the multiset intersection of the two day lists.
      const left = [...g.theirs];
      let same = 0;
      for (const d of g.ours) {
        const i = left.indexOf(d);
        if (i >= 0) {
          left.splice(i, 1);
          same++;
        }
      }
      f.ours += g.ours.length;
      f.theirs += g.theirs.length;
      f.matched += matched;
      f.sameDay += Math.min(same, matched);
    }

    const total: Figures = { ours: 0, theirs: 0, matched: 0, sameDay: 0 };
    const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
    const lines = ['badge              ours  dump  match  precision  recall  same day'];
    for (const [name, f] of [...perBadge].sort((a, b) => b[1].theirs - a[1].theirs)) {
      total.ours += f.ours;
      total.theirs += f.theirs;
      total.matched += f.matched;
      total.sameDay += f.sameDay;
      lines.push(`${name.padEnd(17)} ${String(f.ours).padStart(5)} ${String(f.theirs).padStart(5)} ${String(f.matched).padStart(6)}     ${pct(f.matched, f.ours)}  ${pct(f.matched, f.theirs)}   ${pct(f.sameDay, f.matched)}`);
      // Every implemented badge the site awarded is reproduced, not only the frequent ones (none has Great Question).
      if (f.theirs > 0) expect(f.matched, name).toBeGreaterThan(0);
    }
    const t = total;
    lines.push(`${'total'.padEnd(17)} ${String(t.ours).padStart(5)} ${String(t.theirs).padStart(5)} ${String(t.matched).padStart(6)}     ${pct(t.matched, t.ours)}  ${pct(t.matched, t.theirs)}   ${pct(t.sameDay, t.matched)}`);
    lines.push(`replay: ${st.events.length} log events at ${Math.round(eventsPerSecond).toLocaleString('en')} events/s (first pass, unwarmed)`);
    console.log(lines.join('\n'));

    expect(t.matched / t.ours).toBeGreaterThanOrEqual(0.97);
    expect(t.matched / t.theirs).toBeGreaterThanOrEqual(0.9);
    expect(t.sameDay / t.matched).toBeGreaterThanOrEqual(0.9);
  });

  it('awards have unique keys, days in UTC and the completing event', () => {
    const keys = new Set(awards.map((a) => a.key));
    expect(keys.size).toBe(awards.length);
    const byId = new Map(st.events.map((e) => [e.eventId, e]));
    for (const a of awards) {
      const e = byId.get(a.eventId)!;
      expect(e.ts).toBe(a.awardedAt);
      expect(a.day).toBe(new Date(a.awardedAt / 1000).toISOString().slice(0, 10));
    }
  });
});
