/**
 * Member profile reads on a large community: builds (once, cached under bench/out/) a store with the demo generator
 * at BENCH_MEMBERS members (default 1,000,000 ≈ 10 M events) through the real ingest pipeline, then times
 * `GET /v1/members/:id` for random members over HTTP.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { percentile, ROOT, startBenchServer, type BenchResult } from './lib.ts';

export function largeStore(members: number): { dir: string; buildSeconds: number | null } {
  const dir = path.join(ROOT, 'bench/out', `store-${members}`);
  if (fs.existsSync(path.join(dir, 'READY'))) return { dir, buildSeconds: null };
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, 'bin/sheyun.mjs'), 'demo', '--members', String(members), '--seed', '42', '--end', '2026-11-01T00:00:00Z', '--data', dir, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SHEYUN_LOG_LEVEL: 'warn' },
  });
  const buildSeconds = (performance.now() - t0) / 1000;
  fs.writeFileSync(path.join(dir, 'READY'), JSON.stringify({ members, buildSeconds }));
  return { dir, buildSeconds };
}

export async function profileRead(members: number): Promise<BenchResult[]> {
  const store = largeStore(members);
  const server = await startBenchServer(store.dir, ['--no-demo']);
  const status = (await (await request(server.url + '/v1/status', { headers: { authorization: 'Bearer ' + server.adminKey } })).body.json()) as { members: number; events: number };
  const times: number[] = [];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const id = 'mem_' + Math.max(1, Math.floor(rnd() * status.members)).toString(36).padStart(6, '0');
    const t0 = performance.now();
    const r = await request(`${server.url}/v1/members/${id}`, { headers: { authorization: 'Bearer ' + server.adminKey } });
    await r.body.text();
    if (i >= 200) times.push(performance.now() - t0); // the first 200 warm the page cache
  }
  await server.stop();
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const out: BenchResult[] = [
    {
      name: `Member profile read (GET /v1/members/:id over HTTP, ${status.members.toLocaleString('en')} members, ${status.events.toLocaleString('en')} events)`,
      target: 'p95 < 5 ms with 1 M members',
      value: `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (2,800 random members)`,
      met: members >= 1_000_000 ? p95 < 5 : null,
      details: { members: status.members, events: status.events },
    },
  ];
  if (store.buildSeconds !== null) {
    out.push({
      name: `Demo community load through the ingest pipeline (${members.toLocaleString('en')} members)`,
      target: 'default size (2,000 members) in under a minute',
      value: `${status.events.toLocaleString('en')} events in ${store.buildSeconds.toFixed(0)} s = ${Math.round(status.events / store.buildSeconds).toLocaleString('en')} events/s (includes the columnizer catching up)`,
      met: null,
      details: {},
    });
  }
  return out;
}
