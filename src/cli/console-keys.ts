/**
 * The keys `serve` prints at every start. Keys are stored hashed, so the first start keeps a copy of the two it
 * creates in the data directory (mode 600, beside the database the keys protect) to print them again later.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Sheyun } from '../main.ts';
import type { WorkspaceRecord } from '../store/index.ts';

interface KeyFile {
  workspace: string;
  adminKey: string;
  writeKey: string;
}

export async function consoleKeys(s: Sheyun, ws: WorkspaceRecord): Promise<KeyFile> {
  const file = path.join(s.config.dataDir, `keys.${ws.slug}.json`);
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    const admin = await s.workspaces.authenticate(saved.adminKey);
    const write = await s.workspaces.authenticate(saved.writeKey);
    if (admin?.workspace.id === ws.id && write?.workspace.id === ws.id) return saved;
  }
  const admin = await s.workspaces.createKey(ws.id, 'admin', { label: 'console (created by serve)' });
  const write = await s.workspaces.createKey(ws.id, 'write', { label: 'default write key (created by serve)', platform: 'app' });
  const saved: KeyFile = { workspace: ws.slug, adminKey: admin.key, writeKey: write.key };
  fs.mkdirSync(s.config.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(saved, null, 2) + '\n', { mode: 0o600 });
  return saved;
}
