/** Loads the seeded demo community into a workspace through the real ingest pipeline, with a progress bar. */
import cliProgress from 'cli-progress';
import { estimateDemoEvents, generateDemo } from '../demo/index.ts';
import { activeConfig, catchUpLeaderboards, presetConfig, replayGamification, saveConfig } from '../gamification/index.ts';
import { ingestMessages } from '../ingest/index.ts';
import type { Sheyun } from '../main.ts';

export interface DemoLoadResult {
  members: number;
  events: number;
  rejected: number;
  seconds: number;
}

/** Above this many members the demo loads without the incentive preset (`sheyun gamification preset creator-zh` adds it). */
const DEMO_PRESET_MAX_MEMBERS = 200_000;

export async function loadDemo(s: Sheyun, opts: { members: number; seed: number; end?: Date; quiet?: boolean }): Promise<DemoLoadResult> {
  const ws = await s.defaultWorkspace();
  const end = opts.end ?? new Date(s.clock.nowMicros() / 1000);
  const demoOpts = { members: opts.members, seed: opts.seed, end };
  const total = estimateDemoEvents(demoOpts);
  const tty = process.stderr.isTTY && !opts.quiet;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'Loading demo community |{bar}| {percentage}% {value}/{total} events · {rate}/s · ETA {eta_formatted}', hideCursor: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0, { rate: 0 });
  const started = performance.now();
  let events = 0;
  let rejected = 0;
  let lastLine = 0;
  for (const batch of generateDemo(demoOpts)) {
    const r = await ingestMessages(s.ingest, { workspaceId: ws.id, defaultPlatform: 'app' }, batch);
    events += r.accepted + r.duplicates;
    rejected += r.rejected.length;
    const secs = (performance.now() - started) / 1000;
    const rate = Math.round(events / Math.max(secs, 0.001));
    if (bar) bar.update(Math.min(events, total), { rate });
    else if (!opts.quiet && secs - lastLine >= 5) {
      lastLine = secs;
      process.stderr.write(`Loading demo community: ${events}/${total} events (${rate}/s)\n`);
    }
  }
  bar?.update(total, { rate: Math.round(events / Math.max((performance.now() - started) / 1000, 0.001)) });
  bar?.stop();
  if (rejected > 0) s.logger.warn('demo generator produced rejected messages', { rejected });
  // The demo community runs on the Chinese creator preset: installed after the load and applied by one replay, which
  // puts the events in time order (the generator writes them member by member). Very large demos (benchmark stores)
  // skip it: one replay transaction over tens of millions of events is an operator's decision, not a default.
  if (opts.members <= DEMO_PRESET_MAX_MEMBERS && !(await activeConfig(s.rows.db, ws.id))) {
    const now = s.clock.nowMicros();
    await saveConfig(s.rows, ws.id, presetConfig('creator-zh'), 'demo: preset creator-zh', now);
    await replayGamification(s.rows, ws.id, now);
    await catchUpLeaderboards(s.rows, ws.id);
  }
  return { members: opts.members, events, rejected, seconds: (performance.now() - started) / 1000 };
}
