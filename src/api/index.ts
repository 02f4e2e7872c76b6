/** The HTTP API: the Hono application and the server that runs it. */
export { createApp, API_VERSION } from './app.ts';
export { startHttpServer, type RunningServer } from './server.ts';
