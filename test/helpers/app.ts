/** The real application in this process, on a real loopback HTTP port, with a fresh data directory. */
import { startHttpServer } from '../../src/api/index.ts';
import { loadConfig, type ConfigInput } from '../../src/config/index.ts';
import type { Clock } from '../../src/core/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from './server.ts';
import { tempDir } from './stores.ts';

export interface TestApp {
  url: string;
  sheyun: Sheyun;
  adminKey: string;
  writeKey: string;
  workspaceId: number;
  close(): Promise<void>;
}

export async function startTestApp(opts: { config?: Partial<ConfigInput>; clock?: Clock; workspace?: string } = {}): Promise<TestApp> {
  const dataDir = tempDir('sheyun-app-');
  const config = loadConfig({ dataDir, port: 0, logLevel: 'warn', workspace: opts.workspace ?? 'default', ...opts.config }, {});
  const sheyun = await openSheyun(config, { columnStore: 'required', ...(opts.clock ? { clock: opts.clock } : {}) });
  const ws = await sheyun.defaultWorkspace();
  const admin = await sheyun.workspaces.createKey(ws.id, 'admin');
  const write = await sheyun.workspaces.createKey(ws.id, 'write', { platform: 'app' });
  const server = await startHttpServer(sheyun);
  return {
    url: server.url,
    sheyun,
    adminKey: admin.key,
    writeKey: write.key,
    workspaceId: ws.id,
    async close() {
      await server.close();
      await sheyun.close();
      removeDir(dataDir);
    },
  };
}
