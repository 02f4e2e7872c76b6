/** PostgreSQL for the row-store contract tests: each test gets a fresh database on the run's server. */
import pg from 'pg';

/** The server URL (started by test/global-setup.ts, or given as SHEYUN_TEST_PG_URL); undefined → the tests skip. */
export function postgresUrl(): string | undefined {
  return process.env['SHEYUN_TEST_PG_URL'] || undefined;
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sheyun_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
