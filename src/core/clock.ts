/** Time in the whole product is UTC microseconds since the epoch; the clock is injectable for tests. */

export type Micros = number;

export interface Clock {
  nowMicros(): Micros;
}

export const systemClock: Clock = {
  nowMicros: () => Date.now() * 1000,
};

export function fixedClock(iso: string): Clock {
  const t = Date.parse(iso) * 1000;
  return { nowMicros: () => t };
}

export const MICROS_PER_DAY = 86_400_000_000;

export function microsToIso(us: Micros): string {
  return new Date(Math.floor(us / 1000)).toISOString();
}

export function isoToMicros(iso: string): Micros | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms * 1000;
}
