/**
 * Everything the scores need about each member, from the column store in one grouped pass over the events (plus one
 * for purchase days, with the calibration/holdout split, and one for interactions received), returned as columns.
 * Times are measured back from `asOf`; events after it are ignored, so a scoring run can be repeated for any past date.
 */
import type { ColumnStore } from '../../store/index.ts';
import type { ScoringSettings } from '../settings.ts';

export interface MemberFeatures {
  n: number;
  memberId: Float64Array;
  /** Days since the member's first and last activity (any event but bookkeeping). */
  firstSeenDays: Float64Array;
  lastActiveDays: Float64Array;
  /** Counts in the window. */
  activeEvents: Float64Array;
  interactions: Float64Array;
  interactionsReceived: Float64Array;
  contributions: Float64Array;
  purchases: Float64Array;
  revenue: Float64Array;
  categories: Float64Array;
  /** Days since the last purchase; NaN when never. */
  lastPurchaseDays: Float64Array;
  /** Weekly activity over the last `trendWeeks` weeks: Σ count and Σ week·count (week 0 the oldest). */
  trendCount: Float64Array;
  trendWeighted: Float64Array;
  /** BG/NBD summary in weeks over purchase days (workspace-local days); x = −1 when never purchased. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of repeat purchase days. */
  repeatMean: Float64Array;
  /**
   * The same summary for the calibration/holdout check: up to `holdoutWeeks` before `asOf` (x = −1 when no purchase
   * by then), and the purchase days after that.
   */
  calibration: { x: Float64Array; tx: Float64Array; T: Float64Array; holdout: Float64Array };
}

const DAY_US = 86_400_000_000;

// An empty list becomes '' (no event has an empty name): NULL would make NOT IN exclude every row.
const list = (names: readonly string[], first: number) => (names.length === 0 ? "''" : names.map((_, i) => `$${first + i}`).join(', '));

export async function memberFeatures(
  cols: ColumnStore,
  ws: number,
  settings: ScoringSettings,
  opts: { asOf: number; timeZone: string },
): Promise<MemberFeatures> {
  const asOf = opts.asOf;
  const windowStart = asOf - settings.windowDays * DAY_US;
  const trendStart = asOf - settings.trendWeeks * 7 * DAY_US;
  // Positional parameters (times in microseconds, made TIMESTAMPs without any session time zone): fixed ones
  // first, then the event-name lists.
  const calibrationEnd = asOf - settings.clv.holdoutWeeks * 7 * DAY_US;
  const params: (string | number)[] = [ws, asOf, windowStart, trendStart, opts.timeZone, `$."${settings.amountProperty}"`, `$."${settings.categoryProperty}"`, calibrationEnd];
  const add = (names: readonly string[]) => {
    const sql = list(names, params.length + 1);
    params.push(...names);
    return sql;
  };
  const purchases = add(settings.purchaseEvents);
  const content = add(settings.contentEvents);
  const interactions = add(settings.interactionEvents);
  const passive = add(settings.passiveEvents);
  const ts = `epoch_us(ts)`;
  const localDay = (us: string) => `CAST(timezone($5, make_timestamp(${us}::BIGINT) AT TIME ZONE 'UTC') AS DATE)`;
  // Purchases are a small share of the log: their JSON properties are parsed in their own narrow pass, and the
  // grouped pass over every event touches no JSON at all (that alone took most of the time at 10 M events).
  const sql = `
    WITH e AS (
      -- Each row's memberships are decided once here; the aggregates below only test booleans.
      SELECT member_id, target_member_id, ts,
             ts > make_timestamp($3::BIGINT) AS in_window,
             ts > make_timestamp($4::BIGINT) AND name NOT IN (${passive}) AS in_trend,
             name NOT IN (${passive}) AS active,
             name IN (${interactions}) AS interaction,
             name IN (${content}) AS content
        FROM events
       WHERE workspace_id = $1 AND ts <= make_timestamp($2::BIGINT) AND type NOT IN ('merge', 'unmerge')
    ),
    acts AS (
      SELECT member_id,
             min(${ts}) AS first_us,
             max(${ts}) AS last_us,
             count(*) FILTER (WHERE in_window AND active) AS active_events,
             count(*) FILTER (WHERE in_window AND interaction) AS interactions,
             count(*) FILTER (WHERE in_window AND content) AS contributions,
             count(*) FILTER (WHERE in_trend) AS trend_count,
             coalesce(sum(least(floor((epoch_us(ts) - $4::BIGINT) / ${7 * DAY_US}), ${settings.trendWeeks - 1})) FILTER (WHERE in_trend), 0) AS trend_weighted
        FROM e WHERE member_id IS NOT NULL GROUP BY member_id
    ),
    received AS (
      SELECT target_member_id AS member_id, count(*) AS received FROM e
       WHERE target_member_id IS NOT NULL AND in_window AND interaction GROUP BY 1
    ),
    p AS (
      SELECT member_id, ts, TRY_CAST(json_extract_string(properties, $6) AS DOUBLE) AS amount, json_extract_string(properties, $7) AS category,
             CAST(timezone($5, ts AT TIME ZONE 'UTC') AS DATE) AS day
        FROM events
       WHERE workspace_id = $1 AND ts <= make_timestamp($2::BIGINT) AND member_id IS NOT NULL AND name IN (${purchases})
    ),
    pa AS (
      SELECT member_id,
             max(${ts}) AS last_purchase_us,
             count(*) FILTER (WHERE ts > make_timestamp($3::BIGINT)) AS purchases,
             coalesce(sum(amount) FILTER (WHERE ts > make_timestamp($3::BIGINT)), 0) AS revenue,
             count(DISTINCT category) FILTER (WHERE ts > make_timestamp($3::BIGINT)) AS categories
        FROM p GROUP BY 1
    ),
    days AS (SELECT member_id, day, day <= ${localDay('$8')} AS cal, coalesce(sum(amount), 0) AS v FROM p GROUP BY 1, 2),
    btyd AS (
      SELECT member_id, count(*) - 1 AS x,
             date_diff('day', min(day), max(day)) AS tx_days,
             date_diff('day', min(day), ${localDay('$2')}) AS t_days,
             CASE WHEN count(*) > 1 THEN (sum(v) - arg_min(v, day)) / (count(*) - 1) ELSE 0 END AS repeat_mean,
             count(*) FILTER (WHERE cal) - 1 AS cal_x,
             date_diff('day', min(day) FILTER (WHERE cal), max(day) FILTER (WHERE cal)) AS cal_tx_days,
             date_diff('day', min(day) FILTER (WHERE cal), ${localDay('$8')}) AS cal_t_days,
             count(*) FILTER (WHERE NOT cal) AS holdout
        FROM days GROUP BY 1
    )
    SELECT a.member_id::DOUBLE AS member_id, a.first_us::DOUBLE AS first_us, a.last_us::DOUBLE AS last_us,
           a.active_events::DOUBLE AS active_events, a.interactions::DOUBLE AS interactions, a.contributions::DOUBLE AS contributions,
           coalesce(pa.purchases, 0)::DOUBLE AS purchases, coalesce(pa.revenue, 0)::DOUBLE AS revenue, coalesce(pa.categories, 0)::DOUBLE AS categories,
           coalesce(pa.last_purchase_us::DOUBLE, 'NaN'::DOUBLE) AS last_purchase_us, a.trend_count::DOUBLE AS trend_count, a.trend_weighted::DOUBLE AS trend_weighted,
           coalesce(r.received, 0)::DOUBLE AS received,
           coalesce(b.x, -1)::DOUBLE AS x, coalesce(b.tx_days, 0)::DOUBLE AS tx_days, coalesce(b.t_days, 0)::DOUBLE AS t_days,
           coalesce(b.repeat_mean, 0)::DOUBLE AS repeat_mean,
           coalesce(b.cal_x, -1)::DOUBLE AS cal_x, coalesce(b.cal_tx_days, 0)::DOUBLE AS cal_tx_days,
           coalesce(b.cal_t_days, 0)::DOUBLE AS cal_t_days, coalesce(b.holdout, 0)::DOUBLE AS holdout
      FROM acts a LEFT JOIN received r USING (member_id) LEFT JOIN pa USING (member_id) LEFT JOIN btyd b USING (member_id)
     ORDER BY a.member_id`;
  const c = await cols.queryDoubles(sql, params);
  const col = (name: string) => c[name]!;
  const memberId = col('member_id');
  const scale = (a: Float64Array, f: (v: number) => number) => {
    for (let i = 0; i < a.length; i++) a[i] = f(a[i]!);
    return a;
  };
  const days = (us: Float64Array) => scale(us, (v) => (Number.isNaN(v) ? NaN : (asOf - v) / DAY_US));
  const first = col('first_us');
  const last = col('last_us');
  const lastPurchase = col('last_purchase_us');
  return {
    n: memberId.length,
    memberId,
    firstSeenDays: days(first),
    lastActiveDays: days(last),
    activeEvents: col('active_events'),
    interactions: col('interactions'),
    interactionsReceived: col('received'),
    contributions: col('contributions'),
    purchases: col('purchases'),
    revenue: col('revenue'),
    categories: col('categories'),
    lastPurchaseDays: days(lastPurchase),
    trendCount: col('trend_count'),
    trendWeighted: col('trend_weighted'),
    x: col('x'),
    tx: scale(col('tx_days'), (d) => d / 7),
    T: scale(col('t_days'), (d) => d / 7),
    repeatMean: col('repeat_mean'),
    calibration: { x: col('cal_x'), tx: scale(col('cal_tx_days'), (d) => d / 7), T: scale(col('cal_t_days'), (d) => d / 7), holdout: col('holdout') },
  };
}

/** Purchase histories for the calibration/holdout check: summaries up to `calibrationEnd`, purchase days after it. */
export async function purchaseHistories(
  cols: ColumnStore,
  ws: number,
  settings: ScoringSettings,
  opts: { calibrationEnd: number; holdoutEnd: number; timeZone: string },
): Promise<{ x: Float64Array; tx: Float64Array; T: Float64Array; holdout: Float64Array }> {
  const params: (string | number)[] = [ws, opts.calibrationEnd, opts.holdoutEnd, opts.timeZone];
  const purchases = list(settings.purchaseEvents, params.length + 1);
  params.push(...settings.purchaseEvents);
  const localDay = (expr: string) => `CAST(timezone($4, ${expr} AT TIME ZONE 'UTC') AS DATE)`;
  const c = await cols.queryColumns(
    `WITH days AS (
       SELECT DISTINCT member_id, ${localDay('ts')} AS day FROM events
        WHERE workspace_id = $1 AND member_id IS NOT NULL AND name IN (${purchases}) AND ts <= make_timestamp($3::BIGINT)
     ), cal AS (SELECT * FROM days WHERE day <= ${localDay('make_timestamp($2::BIGINT)')}),
     hold AS (SELECT member_id, count(*) AS n FROM days WHERE day > ${localDay('make_timestamp($2::BIGINT)')} GROUP BY 1)
     SELECT c.member_id, (count(*) - 1)::DOUBLE AS x,
            date_diff('day', min(c.day), max(c.day))::DOUBLE AS tx_days,
            date_diff('day', min(c.day), ${localDay('make_timestamp($2::BIGINT)')})::DOUBLE AS t_days,
            coalesce(any_value(h.n), 0)::DOUBLE AS holdout
       FROM cal c LEFT JOIN hold h USING (member_id) GROUP BY c.member_id`,
    params,
  );
  const col = (name: string) => Float64Array.from(c[name] as number[]);
  return { x: col('x'), tx: col('tx_days').map((d) => d / 7), T: col('t_days').map((d) => d / 7), holdout: col('holdout') };
}
