/**
 * HTTP ingest: `/v1/batch` with 500-event batches from 4 keep-alive clients on loopback for BENCH_SECONDS (60);
 * acknowledged = committed. Reports sustained events/s, batch latency percentiles and the columnizer's lag.
 */
import { Agent, request } from 'undici';
import { generateDemo } from '../src/demo/index.ts';
import { percentile, sleep, startBenchServer, tempDir, type BenchResult, basic } from './lib.ts';

/** `preset`: an incentive preset installed before the load, so every batch also runs its rules in the transaction. */
export async function httpIngest(seconds: number, opts: { preset?: string } = {}): Promise<BenchResult[]> {
  const server = await startBenchServer(tempDir('sheyun-bench-http-'), ['--no-demo'], process.env['BENCH_SERVER_ENV'] ? (JSON.parse(process.env['BENCH_SERVER_ENV']) as Record<string, string>) : {});
  if (opts.preset) {
    const r = await request(`${server.url}/v1/gamification/presets/${opts.preset}`, { method: 'POST', headers: { authorization: 'Bearer ' + server.adminKey } });
    if (r.statusCode !== 200) throw new Error(`installing preset ${opts.preset}: HTTP ${r.statusCode} ${await r.body.text()}`);
    await r.body.text();
  }
  // A pool of pre-serialised demo batches (realistic messages); each send gives its messages fresh ids with one
  // string replacement, so every event is new to the server and the client stays cheap.
  const pool: string[] = [];
  for (const batch of generateDemo({ members: 20_000, seed: 7, end: new Date() })) {
    if (batch.length < 500) continue;
    pool.push(JSON.stringify({ batch }));
    if (pool.length >= 300) break;
  }
  const bodyFor = (n: number) => pool[n % pool.length]!.replaceAll('"messageId":"demo-7-', `"messageId":"r${Math.floor(n / pool.length)}-`);
  const agent = new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let acked = 0;
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const lagSamples: { t: number; lag: number; acked: number }[] = [];
  const client = async () => {
    const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 60_000 });
    while (performance.now() < deadline) {
      const body = bodyFor(next++);
      const t0 = performance.now();
      const r = await request(server.url + '/v1/batch', { method: 'POST', dispatcher, headers: { authorization: basic(server.writeKey), 'content-type': 'application/json' }, body });
      const json = (await r.body.json()) as { accepted?: number; duplicates?: number };
      latencies.push(performance.now() - t0);
      if (r.statusCode === 200) acked += (json.accepted ?? 0) + (json.duplicates ?? 0);
      else errors++;
    }
    await dispatcher.close();
  };
  const sampler = (async () => {
    while (performance.now() < deadline && !process.env['BENCH_NO_SAMPLER']) {
      await sleep(1000);
      const r = await request(server.url + '/v1/stats/overview?days=1', { headers: { authorization: 'Bearer ' + server.adminKey } });
      const o = (await r.body.json()) as { columnizerLag: number };
      lagSamples.push({ t: (performance.now() - started) / 1000, lag: o.columnizerLag, acked });
    }
  })();
  await Promise.all([client(), client(), client(), client(), sampler]);
  const elapsed = (performance.now() - started) / 1000;
  // After the load: how long until the column store holds everything acknowledged.
  const drainStart = performance.now();
  for (;;) {
    if (process.env['BENCH_NO_SAMPLER']) break;
    const r = await request(server.url + '/v1/stats/overview?days=1', { headers: { authorization: 'Bearer ' + server.adminKey } });
    const o = (await r.body.json()) as { columnizerLag: number };
    if (o.columnizerLag === 0) break;
    await sleep(50);
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  await agent.close();
  await server.stop();

  latencies.sort((a, b) => a - b);
  const rate = acked / elapsed;
  const lagSeconds = lagSamples.length ? lagSamples.map((s) => s.lag / Math.max(rate, 1)).sort((a, b) => a - b) : [NaN];
  const p99 = percentile(latencies, 99);
  return [
    {
      name: `HTTP ingest (/v1/batch, 500 events, 4 keep-alive clients)${opts.preset ? `, incentive preset ${opts.preset} active` : ''}`,
      target: '≥ 50,000 events/s for 60 s, p99 < 250 ms',
      value: `${Math.round(rate).toLocaleString('en')} events/s over ${elapsed.toFixed(0)} s; batch p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
      met: rate >= 50_000 && p99 < 250,
      details: { rate, acked, errors, batches: latencies.length, elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99 },
    },
    {
      name: 'Columnizer lag under that load',
      target: '< 5 s',
      value: `max ${Math.max(...lagSeconds).toFixed(2)} s, p95 ${percentile(lagSeconds, 95).toFixed(2)} s (lag events ÷ ingest rate, sampled each second); drained ${drainSeconds.toFixed(2)} s after the load stopped`,
      met: Math.max(...lagSeconds) < 5 && drainSeconds < 5,
      details: { samples: lagSamples, drainSeconds },
    },
  ];
}
