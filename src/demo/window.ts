/** The 12-month time window of a demo community: offsets in seconds, local (Asia/Shanghai) days and fast ISO strings. */
import { cumulative, type Rng } from './prng.ts';

const DAY = 86_400;
/** Demo members live in Asia/Shanghai (UTC+8, no daylight saving): it shapes daily rhythms and check-in days. */
export const LOCAL_OFFSET_SEC = 8 * 3600;

/** Relative activity by local hour of day (a Chinese consumer app: lunch bump, evening peak, quiet nights). */
const HOURLY = [1.2, 0.6, 0.3, 0.2, 0.15, 0.2, 0.5, 1.2, 2.0, 2.2, 2.3, 2.4, 3.0, 2.6, 2.3, 2.3, 2.4, 2.6, 2.9, 3.4, 4.0, 4.3, 3.6, 2.2];
const HOURLY_CUM = cumulative(HOURLY);

const PAD2: string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3: string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Event times are integer second offsets from `startSec` in [0, spanSec]; with a millisecond part in [0, 999] every
 * instant lies in [end - 12 months, end].
 */
export class DemoWindow {
  /** First whole second (epoch seconds) at or after end − 12 calendar months. */
  readonly startSec: number;
  /** Largest usable offset: startSec + spanSec + 0.999 s <= end. */
  readonly spanSec: number;
  /** Number of local days touched by the window (local day indices run 0 … localDays − 1). */
  readonly localDays: number;
  private readonly firstLocalDay: number;
  private readonly firstUtcDay: number;
  private readonly dayPrefix: string[];

  constructor(end: Date) {
    const endMs = end.getTime();
    if (!Number.isFinite(endMs)) throw new RangeError('demo: `end` is not a valid date');
    const startMs = Date.UTC(
      end.getUTCFullYear() - 1,
      end.getUTCMonth(),
      end.getUTCDate(),
      end.getUTCHours(),
      end.getUTCMinutes(),
      end.getUTCSeconds(),
      end.getUTCMilliseconds(),
    );
    this.startSec = Math.ceil(startMs / 1000);
    this.spanSec = Math.floor((endMs - 999) / 1000) - this.startSec;
    this.firstLocalDay = Math.floor((this.startSec + LOCAL_OFFSET_SEC) / DAY);
    this.localDays = Math.floor((this.startSec + this.spanSec + LOCAL_OFFSET_SEC) / DAY) - this.firstLocalDay + 1;
    this.firstUtcDay = Math.floor(this.startSec / DAY);
    const utcDays = Math.floor((this.startSec + this.spanSec) / DAY) - this.firstUtcDay + 1;
    this.dayPrefix = Array.from({ length: utcDays }, (_, d) =>
      new Date((this.firstUtcDay + d) * DAY * 1000).toISOString().slice(0, 11),
    );
  }

  /** ISO-8601 UTC string for an offset and a millisecond part, without going through Date. */
  iso(offsetSec: number, ms: number): string {
    const abs = this.startSec + offsetSec;
    const utcDay = Math.floor(abs / DAY);
    let sod = abs - utcDay * DAY;
    const h = (sod / 3600) | 0;
    sod -= h * 3600;
    const m = (sod / 60) | 0;
    const s = sod - m * 60;
    return `${this.dayPrefix[utcDay - this.firstUtcDay]}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[ms]}Z`;
  }

  /** Local (Asia/Shanghai) day index of an offset. */
  localDay(offsetSec: number): number {
    return Math.floor((this.startSec + offsetSec + LOCAL_OFFSET_SEC) / DAY) - this.firstLocalDay;
  }

  /** Offset of local midnight starting the given local day (may be negative for day 0). */
  localDayStart(day: number): number {
    return (this.firstLocalDay + day) * DAY - LOCAL_OFFSET_SEC - this.startSec;
  }

  /** Keeps the local day of `offsetSec` but redraws the time of day from the hourly rhythm. */
  atLocalRhythm(offsetSec: number, rng: Rng): number {
    const hour = rng.weighted(HOURLY_CUM);
    return this.localDayStart(this.localDay(offsetSec)) + hour * 3600 + rng.int(3600);
  }
}
