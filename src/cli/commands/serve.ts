/**
 * `sheyun serve` (what `npm start` runs): opens the embedded store, loads the demo community into an empty store,
 * starts the columnizer and the HTTP server (API, docs, console), and prints the console URL with an admin key.
 */
import type { Command } from 'commander';
import { startHttpServer } from '../../api/index.ts';
import { hasEvents } from '../../ingest/index.ts';
import { openSheyun } from '../../main.ts';
import { GamificationJobs } from '../../gamification/index.ts';
import { ScoringScheduler } from '../../segments/index.ts';
import { CliError, configFrom } from '../context.ts';
import { consoleKeys } from '../console-keys.ts';
import { loadDemo } from '../demo-loader.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the server: API, API docs and console, on the embedded store')
    .option('--port <n>', 'port (env SHEYUN_PORT, default 7300; 0 picks a free one)')
    .option('--host <addr>', 'address to listen on (env SHEYUN_HOST, default 127.0.0.1)')
    .option('--no-demo', 'do not load the demo community into an empty store')
    .option('--demo-members <n>', 'size of the demo community (env SHEYUN_DEMO_MEMBERS, default 10000)')
    .option('--ready-json', 'print one JSON line with url and keys when ready (for scripts and tests)')
    .action(async (opts: { port?: string; host?: string; demo: boolean; demoMembers?: string; readyJson?: boolean }, cmd: Command) => {
      const config = configFrom(cmd, {
        ...(opts.port !== undefined ? { port: opts.port as unknown as number } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.demo === false ? { demo: false } : {}),
        ...(opts.demoMembers !== undefined ? { demoMembers: opts.demoMembers as unknown as number } : {}),
      });
      const s = await openSheyun(config, { columnStore: 'required', leaderboardThread: true }).catch((err: unknown) => {
        if (err instanceof Error && /lock/i.test(err.message)) throw new CliError(`another Sheyun process is using ${config.dataDir} (${err.message})`);
        throw err;
      });
      const ws = await s.defaultWorkspace();
      const empty = !(await hasEvents(s.rows, ws.id));
      if (empty && config.demo) {
        process.stderr.write(`Empty store: loading a demo community of ${config.demoMembers} members (SHEYUN_DEMO=0 or --no-demo to skip)\n`);
        const r = await loadDemo(s, { members: config.demoMembers, seed: config.demoSeed });
        process.stderr.write(`Demo community loaded: ${r.events} events in ${r.seconds.toFixed(1)} s\n`);
        if (ws.name === ws.slug) await s.workspaces.rename(ws.id, '示例社区 Demo community');
      }
      s.columnizer?.start();
      const scheduler = new ScoringScheduler(
        // The columnizer catches up first, so a run sees every acknowledged event.
        { rows: s.rows, cols: s.columns!, workspaces: s.workspaces, logger: s.logger, events: s.events, nowMicros: () => s.clock.nowMicros(), beforeRun: () => s.columnizer!.drain() },
        config.scoringIntervalMinutes,
      );
      if (empty && config.demo) {
        process.stderr.write('Scoring the demo community (RFM, lifetime value, three densities, tiers)…\n');
        await scheduler.runAll();
      }
      scheduler.start();
      const jobs = new GamificationJobs({ rows: s.rows, workspaces: s.workspaces, logger: s.logger, nowMicros: () => s.clock.nowMicros() });
      jobs.start();
      const keys = await consoleKeys(s, ws);
      const server = await startHttpServer(s);
      const consoleUrl = `${server.url}/#/login?key=${keys.adminKey}`;
      process.stdout.write(
        [
          '',
          `Sheyun is running (workspace "${ws.slug}", data in ${config.dataDir})`,
          `  Console:   ${consoleUrl}`,
          `  API docs:  ${server.url}/docs`,
          `  Admin key: ${keys.adminKey}`,
          `  Write key: ${keys.writeKey}   (Segment-compatible: POST ${server.url}/v1/batch)`,
          '',
        ].join('\n') + '\n',
      );
      if (opts.readyJson) process.stdout.write('SHEYUN_READY ' + JSON.stringify({ url: server.url, adminKey: keys.adminKey, writeKey: keys.writeKey, workspace: ws.slug }) + '\n');
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        process.stderr.write('Stopping…\n');
        await server.close();
        await scheduler.stop();
        await jobs.stop();
        await s.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
