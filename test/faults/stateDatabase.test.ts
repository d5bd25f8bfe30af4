import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { DigestService } from '../../src/digest/index.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';
import type { Reply } from '../../src/discord/reply.js';
import { Router } from '../../src/discord/router.js';
import { texts } from '../../src/discord/texts.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { StateUnavailableError } from '../../src/state/StateUnavailableError.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** PostgreSQL going away while newsdesk runs: commands say "try again shortly", and work again once it is back. */
let server: TestPostgres;
let url: string;
let store: PostgresStateStore;
let router: Router;
const logLines: string[] = [];

/** Turns connections to the test database off (and ends the open ones) or on again, from another database. */
async function databaseAway(away: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/away$/u, '/postgres') });
  await admin.connect();
  await admin.query(`ALTER DATABASE away ALLOW_CONNECTIONS ${away ? 'false' : 'true'}`);
  if (away) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'away'`);
  await admin.end();
}

function statusCommand(): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    invocation: {
      commandName: 'digest',
      subcommand: 'status',
      options: { string: () => null, integer: () => null, boolean: () => null, channel: () => null },
      user: { id: 'u1', name: 'User' },
      guildId: '1250000000000000001',
      canManageGuild: true,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    },
  };
}

beforeAll(async () => {
  server = await startTestPostgres();
  url = await server.createDatabase('away');
  store = await PostgresStateStore.connect(url);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-state-away-'));
  writeFileSync(join(dir, 'a.txt'), 'Headline\n\nOne paragraph of text.\n');
  const library = await buildLibrary(dir);
  const log = createLogger('debug', new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }));
  const digest = new DigestService({
    store,
    library: () => ({ articles: library.corpus.articles }),
    render: renderDigestPost,
    send: async () => undefined,
    guildIds: () => [],
    log,
  });
  const ctx: AppContext = {
    config: loadConfig({}),
    log,
    library: new LibraryStore(library, dir),
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest,
    now: () => new Date(),
  };
  router = new Router(commands, ctx);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.stop();
}, 60_000);

describe('the state database going away while newsdesk runs', () => {
  it('makes /digest status answer "try again shortly", ephemerally, and work again once it is back', async () => {
    const before = statusCommand();
    await router.command(before.invocation);
    expect(before.replies[0]!.content).not.toBe(texts.stateUnavailable);

    await databaseAway(true);
    await expect(store.guild('1250000000000000001')).rejects.toThrowError(StateUnavailableError);
    const away = statusCommand();
    await router.command(away.invocation);
    expect(away.replies).toEqual([{ content: texts.stateUnavailable, ephemeral: true, data: { error: texts.stateUnavailable } }]);
    expect(logLines.some((line) => line.includes('state database unavailable'))).toBe(true);
    expect(logLines.some((line) => line.includes('"command failed"'))).toBe(false);

    await databaseAway(false);
    const back = statusCommand();
    await router.command(back.invocation);
    expect(back.replies).toHaveLength(1);
    expect(back.replies[0]!.content).not.toBe(texts.stateUnavailable);
    expect(back.replies[0]!.data?.['error']).toBeUndefined();
  });
});
