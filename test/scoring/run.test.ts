/**
 * A scoring run over a demo community loaded through the real pipeline: inputs checked against the row store's own
 * events, scores against their definitions, tiers against the generator's ground truth, and repeat runs for
 * determinism and tier-change history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHolder } from '../../src/members/index.ts';
import { COMPONENTS, scoringSettings, type ScoringSettings } from '../../src/models/index.ts';
import { unpackComponents } from '../../src/segments/run/score-rows.mjs';
import { checkMember, parseSegment, previewSegment } from '../../src/segments/index.ts';
import { scoreMembers, type ScoringReport } from '../../src/segments/run/score-members.ts';
import { memberPublicId } from '../../src/core/index.ts';
import type { MemberScoresTable } from '../../src/store/index.ts';
import { removeDir } from '../helpers/server.ts';
import { loadDemoStore, type DemoStore } from './demo-store.ts';

const DAY_US = 86_400_000_000;
let d: DemoStore;
let report: ScoringReport;
let scores: MemberScoresTable[];
const settings: ScoringSettings = scoringSettings.parse({});

beforeAll(async () => {
  d = await loadDemoStore(1500);
  report = await scoreMembers(d.s.rows, d.s.columns!, d.ws, settings, { asOf: d.asOf, now: d.asOf });
  scores = await d.s.rows.db.selectFrom('member_scores').selectAll().where('workspace_id', '=', d.ws.id).execute();
}, 120_000);
afterAll(async () => {
  await d.s.close();
  removeDir(d.dir);
});

describe('a scoring run', () => {
  it('scores every member that has events, in both stores', async () => {
    const live = await d.s.rows.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', d.ws.id).where('merged_into', 'is', null).executeTakeFirstOrThrow();
    expect(report.members).toBe(Number(live.n));
    expect(scores.length).toBe(report.members);
    const cols = await d.s.columns!.query<{ n: bigint }>('SELECT count(*) AS n FROM member_scores WHERE workspace_id = $1', [d.ws.id]);
    expect(Number(cols[0]!.n)).toBe(report.members);
    expect(report.bgnbd?.converged).toBe(true);
    expect(report.gammaGamma?.converged).toBe(true);
    expect(report.holdout?.rows.length).toBeGreaterThan(3);
  });

  it("computes RFM inputs equal to a recount of the buyer's purchases in the row store", async () => {
    const buyers = scores.filter((s) => s.frequency !== null && s.frequency > 1).slice(0, 25);
    expect(buyers.length).toBe(25);
    for (const b of buyers) {
      const purchases = await d.s.rows.db.selectFrom('events').select(['ts', 'properties']).where('workspace_id', '=', d.ws.id).where('member_id', '=', b.member_id).where('name', '=', 'purchase').execute();
      const inWindow = purchases.filter((p) => p.ts > d.asOf - 365 * DAY_US);
      const last = Math.max(...purchases.map((p) => p.ts));
      expect(b.recency_days).toBeCloseTo((d.asOf - last) / DAY_US, 2);
      expect(b.frequency).toBe(inWindow.length);
      expect(b.monetary).toBe(inWindow.reduce((s, p) => s + Number((JSON.parse(p.properties) as { amount: number }).amount), 0));
    }
  });

  it("reports the holdout check's customers and actual purchases as a recount of the row store's purchase days", async () => {
    // The calibration summaries come out of the features pass; this recount shares no code with it.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: d.ws.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const localDay = (us: number) => day.format(new Date(Math.floor(us / 1000)));
    const calibrationEnd = localDay(d.asOf - settings.clv.holdoutWeeks * 7 * DAY_US);
    const purchases = await d.s.rows.db.selectFrom('events').select(['member_id', 'ts']).where('workspace_id', '=', d.ws.id).where('name', 'in', settings.purchaseEvents).where('member_id', 'is not', null).where('ts', '<=', d.asOf).execute();
    const days = new Map<number, Set<string>>();
    for (const p of purchases) {
      const set = days.get(Number(p.member_id)) ?? new Set<string>();
      set.add(localDay(p.ts));
      days.set(Number(p.member_id), set);
    }
    const groups = new Map<number, { customers: number; actual: number }>();
    for (const set of days.values()) {
      const sorted = [...set].sort();
      const cal = sorted.filter((x) => x <= calibrationEnd);
      if (cal.length === 0 || cal[0] === calibrationEnd) continue; // T = 0: no time to repeat
      const g = groups.get(Math.min(cal.length - 1, 7)) ?? { customers: 0, actual: 0 };
      g.customers++;
      g.actual += sorted.length - cal.length;
      groups.set(Math.min(cal.length - 1, 7), g);
    }
    const rows = report.holdout!.rows;
    expect(rows.map((r) => r.frequency)).toEqual([...groups.keys()].sort((a, b) => a - b));
    for (const r of rows) {
      expect(r.customers).toBe(groups.get(r.frequency)!.customers);
      expect(r.actual).toBeCloseTo(groups.get(r.frequency)!.actual / r.customers, 10);
    }
  });

  it('gives R, F and M scores by the documented quintile rule (1 + ⌊5 · members strictly worse ÷ members⌋)', () => {
    const rfm = scores.filter((s) => s.rfm_code !== null);
    const n = rfm.length;
    const rule = (worse: (o: MemberScoresTable) => boolean) => 1 + Math.floor((5 * rfm.filter(worse).length) / n);
    for (const s of rfm) {
      expect(s.r_score).toBe(rule((o) => o.recency_days! > s.recency_days!));
      expect(s.f_score).toBe(rule((o) => o.frequency! < s.frequency!));
      expect(s.m_score).toBe(rule((o) => o.monetary! < s.monetary!));
      expect(s.rfm_code).toBe(`${s.r_score}${s.f_score}${s.m_score}`);
    }
  });

  it('cuts communication tiers at 5 % and 30 % of members by the composite score', () => {
    const n = scores.length;
    const tier = (t: string) => scores.filter((s) => s.communication_tier === t);
    expect(tier('core').length).toBe(Math.ceil(n * 0.05));
    expect(tier('core').length + tier('potential').length).toBe(Math.ceil(n * 0.3));
    const composite = (s: MemberScoresTable) => (s.relationship_density! + s.value_density! + s.potential_density!) / 3;
    const minCore = Math.min(...tier('core').map(composite));
    const maxPotential = Math.max(...tier('potential').map(composite));
    const minPotential = Math.min(...tier('potential').map(composite));
    const maxMass = Math.max(...tier('mass').map(composite));
    expect(minCore).toBeGreaterThanOrEqual(maxPotential - 0.02); // densities are stored rounded to 0.01
    expect(minPotential).toBeGreaterThanOrEqual(maxMass - 0.02);
  });

  it('puts members in lifecycle tiers that match how the generator made them behave', async () => {
    const byMember = new Map(scores.map((s) => [s.member_id, s]));
    const tally = () => {
      const out: Record<string, number> = {};
      return { out, add: (t: string) => (out[t] = (out[t] ?? 0) + 1) };
    };
    const churned = tally();
    const active = tally();
    const koc: string[] = [];
    for (const t of d.truth) {
      const h = await identityHolder(d.s.rows.db, d.ws.id, { platform: t.platform, kind: 'user_id', value: t.userId });
      const s = h && byMember.get(h.memberId);
      if (!s) continue;
      if (t.lifecycle === 'churned' && s.lifecycle_tier !== 'new') churned.add(s.lifecycle_tier!);
      if (t.lifecycle === 'active') active.add(s.lifecycle_tier!);
      if (s.lifecycle_tier === 'core_koc') koc.push(t.lifecycle);
    }
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const atRisk = (churned.out['churned'] ?? 0) + (churned.out['dormant'] ?? 0) + (churned.out['churn_warning'] ?? 0);
    expect(atRisk / total(churned.out)).toBeGreaterThan(0.85);
    expect((active.out['churned'] ?? 0) / total(active.out)).toBeLessThan(0.05);
    expect(koc.filter((l) => l === 'active').length / koc.length).toBeGreaterThan(0.55);
  });

  it('checks single members from the row store exactly as the column store selects them', async () => {
    const definition = parseSegment({
      kind: 'or',
      of: [
        { kind: 'and', of: [{ kind: 'event_count', event: 'post_liked', windowDays: 120, op: 'gte', value: 2, role: 'target' }, { kind: 'tier', tier: 'lifecycle_tier', op: 'neq', value: 'churned' }] },
        { kind: 'and', of: [{ kind: 'event_count', event: 'comment_created', windowDays: 60, op: 'gte', value: 1 }, { kind: 'score', score: 'relationship_density', op: 'gt', value: 40 }] },
        { kind: 'and', of: [{ kind: 'trait', path: 'city', op: 'eq', value: 'Shanghai' }, { kind: 'not', of: { kind: 'event_count', event: 'purchase', windowDays: 365, op: 'gte', value: 1 } }] },
      ],
    });
    const { count } = await previewSegment(d.s.columns!, d.ws.id, definition, d.asOf, 0);
    const selected = new Set((await previewSegment(d.s.columns!, d.ws.id, definition, d.asOf, count)).sample);
    expect(selected.size).toBeGreaterThan(20);
    expect(selected.size).toBeLessThan(scores.length - 20);
    let agree = 0;
    for (const s of scores) {
      const id = memberPublicId(s.member_id);
      expect(await checkMember(d.s.rows, d.ws.id, definition, id, d.asOf), id).toBe(selected.has(id));
      agree++;
    }
    expect(agree).toBe(scores.length);
  });

  it('keeps the emotional bond absent, not zero, until sentiment analysis measures it', () => {
    for (const s of scores.slice(0, 50)) expect(unpackComponents(s.components)['bond']).toBeNull();
  });

  it("stores each member's components with the ranks the densities were made of", async () => {
    // The stored ranks, weighted as the settings say, give back the stored densities (to their 2-decimal rounding).
    const w = settings.weights;
    for (const s of scores.slice(0, 200)) {
      const c = unpackComponents(s.components);
      expect(Object.keys(c).slice(0, COMPONENTS.length)).toEqual([...COMPONENTS]);
      const rel = (w.relationship.interaction * c['interaction']! + w.relationship.content * c['content']!) / (w.relationship.interaction + w.relationship.content);
      const val = (w.value.ltv * c['ltv']! + w.value.arpu * c['arpu']! + w.value.breadth * c['breadth']!) / (w.value.ltv + w.value.arpu + w.value.breadth);
      const pot = (w.potential.trend * c['trend']! + w.potential.predicted * c['predicted']!) / (w.potential.trend + w.potential.predicted);
      expect(Math.abs(rel * 100 - s.relationship_density!)).toBeLessThan(0.02);
      expect(Math.abs(val * 100 - s.value_density!)).toBeLessThan(0.02);
      expect(Math.abs(pot * 100 - s.potential_density!)).toBeLessThan(0.02);
    }
  });

  it('is deterministic, and records tier changes between runs', async () => {
    const again = await scoreMembers(d.s.rows, d.s.columns!, d.ws, settings, { asOf: d.asOf, now: d.asOf + 1 });
    expect(again.tierChanges).toBe(0);
    expect(again.sizes).toEqual(report.sizes);
    const later = d.asOf + 60 * DAY_US;
    const moved = await scoreMembers(d.s.rows, d.s.columns!, d.ws, settings, { asOf: later, now: later });
    expect(moved.tierChanges).toBeGreaterThan(0);
    const changes = await d.s.rows.db.selectFrom('membership_changes').selectAll().where('run_id', '=', moved.runId).execute();
    expect(changes.length).toBe(moved.tierChanges);
    // Nobody is active in the 60 days after the log ends: members can only sink, e.g. into dormant or churned.
    expect(changes.filter((c) => c.kind === 'lifecycle_tier' && c.to_value === 'churned').length).toBeGreaterThan(0);
    expect(moved.sizes.lifecycle['new']).toBe(0);
    const first = await d.s.rows.db.selectFrom('membership_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('run_id', '=', report.runId).executeTakeFirstOrThrow();
    expect(Number(first.n)).toBe(2 * report.members); // the first run puts everyone into both kinds of tier
  });

  it('records a change from a tier name it no longer knows (a tier renamed since the last run)', async () => {
    const one = scores[7]!;
    await d.s.rows.db.updateTable('member_scores').set({ lifecycle_tier: "old 'tier'", communication_tier: null }).where('workspace_id', '=', d.ws.id).where('member_id', '=', one.member_id).execute();
    const later = d.asOf + 60 * DAY_US; // as the run before (the previous test), so only this member's tiers differ
    const run = await scoreMembers(d.s.rows, d.s.columns!, d.ws, settings, { asOf: later, now: later + 1 });
    const changes = await d.s.rows.db.selectFrom('membership_changes').selectAll().where('run_id', '=', run.runId).execute();
    const row = await d.s.rows.db.selectFrom('member_scores').selectAll().where('workspace_id', '=', d.ws.id).where('member_id', '=', one.member_id).executeTakeFirstOrThrow();
    expect(changes.map((c) => [Number(c.member_id), c.kind, c.from_value, c.to_value]).sort()).toEqual([
      [Number(one.member_id), 'communication_tier', null, row.communication_tier],
      [Number(one.member_id), 'lifecycle_tier', "old 'tier'", row.lifecycle_tier],
    ]);
  });
});
