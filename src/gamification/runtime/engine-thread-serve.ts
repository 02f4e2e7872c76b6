/** Runs in the replay's worker thread (engine-thread.ts): applies pages of events to one in-memory state. */
import { parentPort, workerData } from 'node:worker_threads';
import { MapState } from '../events.ts';
import { emptyOutputs, Engines } from './engines.ts';
import type { EngineReply, EngineRequest, EngineThreadInit } from './engine-thread.ts';
import { checkLevelsInMemory } from './level-check.ts';
import { stateRows } from './state-store.ts';

const init = workerData as EngineThreadInit;
const engines = new Engines(init.version, init.config, init.timeZone);
const state = new MapState(undefined, { trackChanges: false });
const port = parentPort!;

function handle(req: EngineRequest): EngineReply {
  const out = emptyOutputs();
  if (req.kind === 'page') {
    const t0 = performance.now();
    for (const e of req.events) engines.apply(e, state, out);
    return { kind: 'page', out, seconds: (performance.now() - t0) / 1000 };
  }
  // Time alone can move levels (windows slide): everyone is placed as of now, as the daily check does. The check
  // finds members by their keys, and the rows are built from every key: both read `values` whole.
  state.materialize();
  checkLevelsInMemory(engines, state, req.now, out);
  state.materialize();
  const rows: [string, string][] = [];
  for (const [row, { text }] of stateRows(state.values, state.values.keys())) rows.push([row, text]);
  return { kind: 'finish', out, rows };
}

port.on('message', (req: EngineRequest) => {
  let reply: EngineReply;
  try {
    reply = handle(req);
  } catch (err) {
    reply = { kind: 'error', error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
