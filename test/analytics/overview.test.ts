/** Events per day follow the workspace time zone, the same before and after the columnizer moved the rows. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { overview } from '../../src/analytics/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { fixedClock } from '../../src/core/index.ts';
import { columnWatermark, ingestMessages } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

let s: Sheyun;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn', timeZone: 'Asia/Shanghai' }, {}), { columnStore: 'required', clock: fixedClock('2026-03-10T12:00:00Z') });
});
afterEach(async () => {
  await s.close();
  removeDir(dir);
});

it('counts events per local day (Asia/Shanghai, UTC+8) and today, from either store', async () => {
  const ws = await s.defaultWorkspace();
  // Hand-worked: 15:59 UTC on 9 March is 23:59 on the 9th in Shanghai; 16:00 UTC is 00:00 on the 10th.
  const times = ['2026-03-09T15:59:59Z', '2026-03-09T16:00:00Z', '2026-03-10T11:00:00Z', '2026-03-08T01:00:00Z', '2026-03-08T20:00:00Z'];
  await ingestMessages(s.ingest, { workspaceId: ws.id, defaultPlatform: 'app' }, times.map((t, i) => ({ type: 'track', userId: 'u' + i, event: 'e', timestamp: t, messageId: 'tz-' + i })));
  const expected = { '2026-03-08': 1, '2026-03-09': 2, '2026-03-10': 2 };
  const read = async () => {
    const o = await overview(s.rows, s.columns, ws, { now: s.clock.nowMicros(), days: 3, watermark: await columnWatermark(s.columns!) });
    return { days: Object.fromEntries(o.eventsPerDay.map((d) => [d.day, d.count])), today: o.eventsToday, lag: o.columnizerLag, tz: o.timeZone };
  };
  const before = await read();
  expect(before).toEqual({ days: expected, today: 2, lag: 5, tz: 'Asia/Shanghai' });
  await s.columnizer!.drain();
  const after = await read();
  expect(after).toEqual({ days: expected, today: 2, lag: 0, tz: 'Asia/Shanghai' });
});
