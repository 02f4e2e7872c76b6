/**
 * API keys: write keys as Segment sends them (HTTP Basic, key as username, empty password), admin keys as Bearer
 * tokens (Basic also accepted). A key belongs to one workspace; every route reads only that workspace.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/index.ts';
import type { AppEnv } from './env.ts';

function presentedKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    return (i === -1 ? decoded : decoded.slice(0, i)).trim() || undefined;
  }
  return undefined;
}

export function requireKey(kinds: readonly ('write' | 'admin')[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = presentedKey(c.req.header('authorization'));
    if (!key) throw new AppError('unauthorized', 'missing API key: send HTTP Basic auth with the key as username, or a Bearer token');
    const auth = await c.get('sheyun').workspaces.authenticate(key);
    if (!auth) throw new AppError('unauthorized', 'unknown or revoked API key');
    if (!kinds.includes(auth.kind)) {
      throw new AppError('forbidden', `this endpoint needs a${kinds.includes('admin') ? 'n admin' : ' write'} key; a ${auth.kind} key was given`);
    }
    c.set('auth', auth);
    await next();
  };
}
