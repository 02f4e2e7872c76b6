/**
 * Replay's engine thread gives what the engines give on this thread: the same outputs page by page, the same level
 * check at the end, and the state as the rows the row store gets. A failure inside the engines reaches the caller
 * with the engines' message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MapState } from '../../src/gamification/events.ts';
import { gamificationConfig, presetConfig } from '../../src/gamification/index.ts';
import { EngineThread } from '../../src/gamification/runtime/engine-thread.ts';
import { emptyOutputs, Engines } from '../../src/gamification/runtime/engines.ts';
import { checkLevelsInMemory } from '../../src/gamification/runtime/level-check.ts';
import { stateRows } from '../../src/gamification/runtime/state-store.ts';
import { demoEvents } from './demo-events.ts';

const TZ = 'Asia/Shanghai';
const config = gamificationConfig.parse(presetConfig('creator-zh'));
const NOW = Date.parse('2025-07-15T00:00:00Z') * 1000;

describe('EngineThread', () => {
  let thread: EngineThread | null = null;
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });

  it('produces the same outputs and state rows as the engines in this thread', async () => {
    const { events } = demoEvents(300);
    const engines = new Engines(3, config, TZ);
    const state = new MapState(undefined, { trackChanges: false });
    thread = new EngineThread({ version: 3, config, timeZone: TZ });
    const pages = [];
    for (let i = 0; i < events.length; i += 397) pages.push(events.slice(i, i + 397));
    expect(pages.length).toBeGreaterThan(3);
    // Two requests in flight at a time, as replay sends them: replies must come back in order.
    let pending = thread.page(pages[0]!);
    for (let p = 0; p < pages.length; p++) {
      const next = p + 1 < pages.length ? thread.page(pages[p + 1]!) : null;
      const got = await pending;
      const want = emptyOutputs();
      for (const e of pages[p]!) engines.apply(e, state, want);
      expect(got.out).toEqual(want);
      expect(got.seconds).toBeGreaterThanOrEqual(0);
      if (next) pending = next;
    }
    const last = await thread.finish(NOW);
    const want = emptyOutputs();
    state.materialize();
    checkLevelsInMemory(engines, state, NOW, want);
    expect(last.out).toEqual(want);
    state.materialize();
    const rows = [...stateRows(state.values, state.values.keys())].map(([row, { text }]) => [row, text]);
    expect(rows.length).toBeGreaterThan(300);
    expect(last.rows).toEqual(rows);
  });

  it('rejects with the engines’ error', async () => {
    thread = new EngineThread({ version: 1, config, timeZone: TZ });
    const [bad] = demoEvents(5).events.filter((e) => e.name === 'post_created');
    // An event without properties breaks the rules that read them (the log never produces one).
    await expect(thread.page([{ ...bad!, properties: null as unknown as Record<string, unknown> }])).rejects.toThrow(/replay engines: .*TypeError/s);
  });
});
