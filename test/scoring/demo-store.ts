/** A demo community loaded through the real ingest pipeline into real stores, for the scoring tests. */
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { generateDemo, demoTruth, type DemoMemberTruth } from '../../src/demo/index.ts';
import { ingestMessages } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { tempDir } from '../helpers/stores.ts';

export const DEMO_END = '2026-11-01T00:00:00Z';

export interface DemoStore {
  s: Sheyun;
  dir: string;
  ws: { id: number; timeZone: string };
  truth: DemoMemberTruth[];
  asOf: number;
}

export async function loadDemoStore(members: number, seed = 7): Promise<DemoStore> {
  const dir = tempDir('sheyun-scoring-');
  const s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'required', clock: fixedClock(DEMO_END) });
  const w = await s.defaultWorkspace();
  const opts = { members, seed, end: new Date(DEMO_END) };
  for (const batch of generateDemo(opts)) await ingestMessages(s.ingest, { workspaceId: w.id, defaultPlatform: 'app' }, batch);
  await s.columnizer!.drain();
  return { s, dir, ws: { id: w.id, timeZone: w.timeZone }, truth: [...demoTruth(opts)], asOf: Date.parse(DEMO_END) * 1000 };
}
