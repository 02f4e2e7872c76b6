/** Starts the HTTP server on the configured host/port (port 0 picks a free one) and stops it gracefully. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Sheyun } from '../main.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(sheyun: Sheyun): Promise<RunningServer> {
  const app = createApp(sheyun);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: sheyun.config.host, port: sheyun.config.port }, () => resolve(s));
    s.once('error', reject);
  });
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const host = sheyun.config.host.includes(':') ? `[${sheyun.config.host}]` : sheyun.config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
