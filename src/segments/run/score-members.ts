/**
 * A scoring run: every member's RFM, lifetime value, three densities and tiers from the column store as of one
 * moment, written back to both stores with the tier changes since the last run. Deterministic for a given log,
 * settings and `asOf`, so a run can be repeated and compared.
 */
import {
  calibrationHoldout,
  compressSummaries,
  COMPONENTS,
  fitBgNbd,
  memberFeatures,
  RFM_SEGMENTS,
  scoreRfm,
  threeDegree,
  type HoldoutRow,
  type MemberFeatures,
  type ScoringSettings,
} from '../../models/index.ts';
import type { ColumnStore, RowStore } from '../../store/index.ts';
import { communicationTiers, COMMUNICATION_TIERS } from '../tiers/communication.ts';
import { lifecycleTier, LIFECYCLE_TIERS } from '../tiers/lifecycle.ts';
import { MIN_CUSTOMERS, valueModels } from './value-models.ts';
import { startRowWriter, syncTraits, writeColumnScores, type ScoreColumns } from './write-scores.ts';
import { traitsChangedSince } from '../../members/index.ts';
import { refreshSegments, type SegmentRefresh } from '../memberships.ts';

export interface ScoringReport {
  runId: number;
  asOf: number;
  members: number;
  buyers: number;
  repeatBuyers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; ll: number; converged: boolean } | null;
  gammaGamma: { p: number; q: number; gamma: number; ll: number; converged: boolean } | null;
  /** Predicted vs actual purchases in the last `weeks` weeks by a model fitted on the weeks before. */
  holdout: { weeks: number; rows: HoldoutRow[] } | null;
  warnings: string[];
  sizes: { rfm: Record<string, number>; lifecycle: Record<string, number>; communication: Record<string, number> };
  /** The score value at which the core and potential tiers start. */
  communicationCutoffs: { score: string; core: number | null; potential: number | null };
  tierChanges: number;
  /** Saved segments re-evaluated over the new scores: members, who entered, who left. */
  segments: SegmentRefresh[];
  seconds: Record<string, number>;
}

const round = (v: number | null, digits = 4) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export async function scoreMembers(
  rows: RowStore,
  cols: ColumnStore,
  ws: { id: number; timeZone: string },
  settings: ScoringSettings,
  opts: { asOf: number; now: number },
): Promise<ScoringReport> {
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const n = performance.now();
    seconds[name] = Math.round(n - t) / 1000;
    t = n;
  };
  const run = await rows.db
    .insertInto('scoring_runs')
    .values({ workspace_id: ws.id, as_of: opts.asOf, started_at: opts.now, status: 'running', settings: JSON.stringify(settings) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(run.id);
  const rowWriter = startRowWriter(rows, ws.id);
  try {
    const f = await memberFeatures(cols, ws.id, settings, { asOf: opts.asOf, timeZone: ws.timeZone });
    lap('features');
    const vm = valueModels(f, settings);
    lap('clv');
    const holdout = holdoutFit(f.calibration, settings.clv.holdoutWeeks);
    lap('holdout');

    // RFM over buyers (commerce) or over everyone active (communities without sales).
    const inRfm: number[] = [];
    for (let i = 0; i < f.n; i++) if (settings.rfmBasis === 'activity' || f.x[i]! >= 0) inRfm.push(i);
    const pick = (a: Float64Array) => {
      const out = new Float64Array(inRfm.length);
      for (let k = 0; k < inRfm.length; k++) out[k] = a[inRfm[k]!]!;
      return out;
    };
    const rfm = scoreRfm({
      memberId: pick(f.memberId),
      recencyDays: pick(settings.rfmBasis === 'activity' ? f.lastActiveDays : f.lastPurchaseDays),
      frequency: pick(settings.rfmBasis === 'activity' ? f.activeEvents : f.purchases),
      monetary: pick(f.revenue),
    }, settings.rfmThresholds);
    const rfmAt = new Int32Array(f.n).fill(-1);
    for (let k = 0; k < inRfm.length; k++) rfmAt[inRfm[k]!] = k;

    const td = threeDegree(f, vm.clv, settings);
    const lifecycle = new Array<string>(f.n);
    for (let i = 0; i < f.n; i++) {
      lifecycle[i] = lifecycleTier(
        {
          firstSeenDays: f.firstSeenDays[i]!,
          lastActiveDays: f.lastActiveDays[i]!,
          relationship: td.relationship[i]!,
          value: td.value[i]!,
          potential: td.potential[i]!,
          pAlive: vm.pAlive[i]!,
          slope: td.slope[i]!,
          trendRank: td.components.trend[i]!,
        },
        settings.lifecycle,
      );
    }
    const rankBy = communicationScore(settings, td, vm.clv);
    const communication = communicationTiers(rankBy, f.memberId, settings.communication);
    lap('scores');

    const activityBasis = settings.rfmBasis === 'activity';
    // Plain loops: TypedArray.from with a mapping function is several times slower over a million members.
    const pickRfm = (a: Float64Array) => {
      const out = new Float64Array(f.n);
      for (let i = 0; i < f.n; i++) out[i] = rfmAt[i]! < 0 ? NaN : a[i]!;
      return out;
    };
    const pickScore = (a: Uint8Array) => {
      const out = new Uint8Array(f.n);
      for (let i = 0; i < f.n; i++) out[i] = rfmAt[i]! < 0 ? 0 : a[rfmAt[i]!]!;
      return out;
    };
    const rfmSegment = new Array<string | null>(f.n);
    for (let i = 0; i < f.n; i++) rfmSegment[i] = rfmAt[i]! < 0 ? null : rfm.segment[rfmAt[i]!]!;
    const columns: ScoreColumns = {
      n: f.n,
      memberId: f.memberId,
      recencyDays: pickRfm(activityBasis ? f.lastActiveDays : f.lastPurchaseDays),
      frequency: pickRfm(activityBasis ? f.activeEvents : f.purchases),
      monetary: pickRfm(f.revenue),
      r: pickScore(rfm.r),
      f: pickScore(rfm.f),
      m: pickScore(rfm.m),
      rfmSegment,
      pAlive: vm.pAlive,
      expectedPurchases: vm.expectedPurchases,
      clv: vm.clv,
      relationship: td.relationship,
      value: td.value,
      potential: td.potential,
      lifecycle,
      communication,
      // The components behind the densities in COMPONENT_SPEC order (score-rows.mjs): the ranks, then raw figures.
      componentValues: [
        ...COMPONENTS.map((c) => td.components[c]),
        f.interactions.map((v, i) => v + f.interactionsReceived[i]!),
        f.contributions,
        f.categories,
        f.revenue,
        td.slope,
        td.predicted,
        f.lastActiveDays,
        f.firstSeenDays,
      ],
    };
    await syncTraits(cols, ws.id, (since) => traitsChangedSince(rows.db, ws.id, since), opts.now);
    lap('sync_traits');
    // Both stores at once: DuckDB loads the columns on its own threads while the worker thread writes the row store.
    const [changes] = await Promise.all([rowWriter.write(runId, columns, opts.now), writeColumnScores(cols, ws.id, columns, opts.now)]);
    lap('write_both_stores');
    const segments = await refreshSegments(rows, cols, ws.id, runId, opts.asOf, opts.now);
    lap('segments');

    const report: ScoringReport = {
      runId,
      asOf: opts.asOf,
      members: f.n,
      buyers: vm.buyers,
      repeatBuyers: vm.repeatBuyers,
      bgnbd: vm.bgnbd ? { ...vm.bgnbd.params, ll: vm.bgnbd.ll, converged: vm.bgnbd.converged } : null,
      gammaGamma: vm.gammaGamma ? { ...vm.gammaGamma.params, ll: vm.gammaGamma.ll, converged: vm.gammaGamma.converged } : null,
      holdout,
      warnings: vm.warnings,
      sizes: {
        rfm: countBy(RFM_SEGMENTS, columns.rfmSegment),
        lifecycle: countBy(LIFECYCLE_TIERS, lifecycle),
        communication: countBy(COMMUNICATION_TIERS, communication),
      },
      communicationCutoffs: cutoffs(settings.communication.score, rankBy, communication),
      tierChanges: changes,
      segments,
      seconds,
    };
    await rows.db.updateTable('scoring_runs').set({ status: 'done', finished_at: Date.now() * 1000, report: JSON.stringify(report) }).where('id', '=', runId).execute();
    return report;
  } catch (err) {
    await rowWriter.cancel();
    await rows.db
      .updateTable('scoring_runs')
      .set({ status: 'failed', finished_at: Date.now() * 1000, report: JSON.stringify({ error: err instanceof Error ? err.message : String(err) }) })
      .where('id', '=', runId)
      .execute();
    throw err;
  }
}

/** The score communication tiers rank by; `composite` is the mean of the densities a member has. */
function communicationScore(s: ScoringSettings, td: ReturnType<typeof threeDegree>, clv: Float64Array): Float64Array {
  switch (s.communication.score) {
    case 'relationship_density':
      return td.relationship;
    case 'value_density':
      return td.value;
    case 'potential_density':
      return td.potential;
    case 'clv':
      return clv;
    case 'composite':
      return td.relationship.map((r, i) => {
        const parts = [r, td.value[i]!, td.potential[i]!].filter((v) => !Number.isNaN(v));
        return parts.length === 0 ? NaN : parts.reduce((a, b) => a + b, 0) / parts.length;
      });
  }
}

/** The check refits the purchase model without the last `weeks` weeks and predicts them. */
function holdoutFit(c: MemberFeatures['calibration'], weeks: number): ScoringReport['holdout'] {
  const rows: { x: number; tx: number; T: number; holdoutPurchases: number }[] = [];
  for (let i = 0; i < c.x.length; i++) if (c.x[i]! >= 0 && c.T[i]! > 0) rows.push({ x: c.x[i]!, tx: c.tx[i]!, T: c.T[i]!, holdoutPurchases: c.holdout[i]! });
  if (rows.length < MIN_CUSTOMERS) return null;
  const fit = fitBgNbd(compressSummaries(rows));
  if (fit.params.a === 1) return null;
  return { weeks, rows: calibrationHoldout(fit.params, rows, weeks) };
}

function countBy(keys: readonly string[], values: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function cutoffs(score: string, values: Float64Array, tiers: readonly string[]): ScoringReport['communicationCutoffs'] {
  let core = Infinity;
  let potential = Infinity;
  tiers.forEach((tier, i) => {
    if (tier === 'core') core = Math.min(core, values[i]!);
    if (tier === 'potential') potential = Math.min(potential, values[i]!);
  });
  return { score, core: Number.isFinite(core) ? round(core, 2) : null, potential: Number.isFinite(potential) ? round(potential, 2) : null };
}
