/**
 * The engine state's fast paths give what the plain interface gives: replay's MapState (no change tracking, members'
 * values indexed by id), the hook's MapState (tracked) and a state with only `get`/`set` produce the same ledger,
 * badges, levels and stored state for the creator-zh preset on the demo community; and the member index follows every
 * way a value can be written.
 */
import { describe, expect, it } from 'vitest';
import { compareEvents, MapState, memberKeys, type EngineState, type GamificationEvent } from '../../src/gamification/events.ts';
import { gamificationConfig, presetConfig } from '../../src/gamification/index.ts';
import { emptyOutputs, Engines, type Outputs } from '../../src/gamification/runtime/engines.ts';
import { demoEvents } from './demo-events.ts';

/** Only the interface's two required methods, over a map. */
class PlainState implements EngineState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

const stateText = (values: Map<string, unknown>) => JSON.stringify([...values].map(([k, v]) => [k, JSON.stringify(v)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));

describe('engine state fast paths', () => {
  const { events } = demoEvents(400);
  const config = gamificationConfig.parse(presetConfig('creator-zh'));
  const run = (state: EngineState & { values: Map<string, unknown> }): { out: Outputs; text: string } => {
    const engines = new Engines(1, config, 'Asia/Shanghai');
    const out = emptyOutputs();
    for (const e of events) engines.apply(e, state, out);
    if (state instanceof MapState) state.materialize();
    return { out, text: stateText(state.values) };
  };

  it('replay, hook and plain states give the same outputs and state', () => {
    const plain = run(new PlainState());
    const tracked = run(new MapState());
    const replay = run(new MapState(undefined, { trackChanges: false }));
    expect(plain.out.ledger.length).toBeGreaterThan(1000);
    expect(plain.out.awards.length).toBeGreaterThan(100);
    expect(plain.out.levelChanges.length).toBeGreaterThan(100);
    for (const other of [tracked, replay]) {
      expect(other.out).toEqual(plain.out);
      expect(other.text).toBe(plain.text);
    }
  });

  it('a tracked state counts values changed in place as changed', () => {
    const state = new MapState();
    const engines = new Engines(1, config, 'Asia/Shanghai');
    const out = emptyOutputs();
    for (const e of events.slice(0, 2000)) engines.apply(e, state, out);
    state.changed.clear();
    const before = new Map([...state.values].map(([k, v]) => [k, JSON.stringify(v)]));
    for (const e of events.slice(2000, 2500)) engines.apply(e, state, out);
    for (const [k, v] of state.values) if (before.get(k) !== JSON.stringify(v)) expect(state.changed.has(k), k).toBe(true);
  });
});

describe('MapState member index', () => {
  const points = memberKeys('points');

  it('follows values set by key, and reads values it was given', () => {
    const state = new MapState(new Map<string, unknown>([['points:m:7', { b: 1 }]]), { trackChanges: false });
    expect(state.getMember(points, 7)).toEqual({ b: 1 });
    expect(state.getMember(points, 8)).toBeUndefined();
    state.set('points:m:8', { b: 2 });
    expect(state.getMember(points, 8)).toEqual({ b: 2 });
    state.setMember(points, 8, { b: 3 });
    expect(state.get('points:m:8')).toEqual({ b: 3 });
    state.set('points:m:8', { b: 4 });
    expect(state.getMember(points, 8)).toEqual({ b: 4 });
  });

  it('keeps members set through the index out of the map until materialised', () => {
    const state = new MapState(undefined, { trackChanges: false });
    state.setMember(points, 5, { b: 5 });
    state.setMember(points, 6, { b: 6 });
    state.setMember(points, 6, undefined);
    expect(state.values.size).toBe(0);
    expect(state.get('points:m:5')).toEqual({ b: 5 });
    expect(state.get('points:m:6')).toBeUndefined();
    state.materialize();
    expect([...state.values]).toEqual([['points:m:5', { b: 5 }]]);
  });

  it('finds a key set before its family was first used', () => {
    const state = new MapState(undefined, { trackChanges: false });
    state.set('lvl:not-used-before:m:3', { level: 'x' });
    expect(state.getMember(memberKeys('lvl:not-used-before'), 3)).toEqual({ level: 'x' });
  });

  it('keeps ids it does not index (negative, fractional, very large) in the map only', () => {
    const state = new MapState(undefined, { trackChanges: false });
    for (const id of [-1, 1.5, 2 ** 40]) {
      state.setMember(points, id, { b: id });
      expect(state.getMember(points, id)).toEqual({ b: id });
      expect(state.get(`points:m:${id}`)).toEqual({ b: id });
    }
  });

  it('records member keys as changed when tracking', () => {
    const state = new MapState();
    state.setMember(points, 1, { b: 1 });
    state.changed.clear();
    state.touchMember(points, 1);
    expect([...state.changed]).toEqual(['points:m:1']);
  });
});
