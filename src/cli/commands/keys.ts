/** `sheyun keys create|list|revoke`: API keys of a workspace (stored hashed: a key is shown once). */
import type { Command } from 'commander';
import { microsToIso } from '../../core/index.ts';
import { CliError, printJson, withSheyun } from '../context.ts';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys of a workspace');
  keys
    .command('create')
    .description('create a key and print it (write keys ingest events; admin keys read and configure)')
    .requiredOption('--kind <kind>', 'write | admin')
    .option('--platform <name>', 'write keys: the platform of identities sent with this key', 'app')
    .option('--label <text>', 'a note to recognise the key by')
    .option('--json', 'print JSON')
    .action(async (opts: { kind: string; platform: string; label?: string; json?: boolean }, cmd: Command) => {
      if (opts.kind !== 'write' && opts.kind !== 'admin') throw new CliError(`--kind must be write or admin, not "${opts.kind}"`);
      const kind = opts.kind;
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const k = await s.workspaces.createKey(ws.id, kind, { platform: opts.platform, ...(opts.label ? { label: opts.label } : {}) });
        if (opts.json) printJson({ workspace: ws.slug, ...k });
        else process.stdout.write(`${k.key}\n`);
      });
    });
  keys
    .command('list')
    .description('list keys (prefixes only)')
    .action(async (_o, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const rows = await s.workspaces.listKeys(ws.id);
        printJson(rows.map((r) => ({ prefix: r.key_prefix, kind: r.kind, platform: r.platform, label: r.label, createdAt: microsToIso(r.created_at), revoked: r.revoked_at !== null })));
      });
    });
  keys
    .command('revoke <prefix>')
    .description('revoke the key starting with this prefix (as shown by `keys list`)')
    .action(async (prefix: string, _o, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const n = await s.workspaces.revokeKey(ws.id, prefix);
        if (n === 0) throw new CliError(`no active key with prefix ${prefix} in workspace ${ws.slug}`);
        process.stdout.write(`revoked ${n} key(s)\n`);
      });
    });
}
