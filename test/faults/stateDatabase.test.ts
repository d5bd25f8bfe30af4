import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { AlertService } from '../../src/alerts/index.js';
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
async function databaseAway(away: boolean, database = 'away'): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/away$/u, '/postgres') });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS ${away ? 'false' : 'true'}`);
  if (away) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
  await admin.end();
}

function statusCommand(commandName = 'digest', subcommand = 'status'): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    invocation: {
      commandName,
      subcommand,
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
    // Follows are in the same database (DATABASE_URL).
    alerts: new AlertService<Reply>({ follows: store.follows(), runs: store, article: () => null, render: () => [], send: async () => undefined }),
    now: () => new Date(),
  };
  router = new Router(commands, ctx);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.stop();
}, 60_000);

describe('the state database going away while newsdesk runs', () => {
  it('makes /digest status and /follow list answer "try again shortly", ephemerally, and work again once it is back', async () => {
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

    // /follow keeps its follows in the same database: it says the same.
    const follows = statusCommand('follow', 'list');
    await router.command(follows.invocation);
    expect(follows.replies).toEqual([{ content: texts.stateUnavailable, ephemeral: true, data: { error: texts.stateUnavailable } }]);

    await databaseAway(false);
    const followsBack = statusCommand('follow', 'list');
    await router.command(followsBack.invocation);
    expect(followsBack.replies[0]!.content).not.toBe(texts.stateUnavailable);
    const back = statusCommand();
    await router.command(back.invocation);
    expect(back.replies).toHaveLength(1);
    expect(back.replies[0]!.content).not.toBe(texts.stateUnavailable);
    expect(back.replies[0]!.data?.['error']).toBeUndefined();
  });
});

describe('a digest while the state database goes away', () => {
  it('waits while it is away, catches up once it is back within the grace period, and re-sends an unrecorded message with the same nonce', async () => {
    const digestUrl = await server.createDatabase('digest_away');
    const digestStore = await PostgresStateStore.connect(digestUrl);
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-digest-away-'));
    writeFileSync(join(dir, 'old.txt'), 'Harbour wall repaired\n\nThe old wall was repaired in the spring.\n');
    writeFileSync(join(dir, 'new.txt'), 'Ferry service resumes\n\nThe ferry to Inchmore sailed again on Monday.\n');
    const library = await buildLibrary(dir);
    let clock = new Date('2026-11-30T07:00:00.000Z');
    const sent: { nonce: string | undefined; text: string }[] = [];
    /** Set to make the database go away right after Discord accepted the next message (before it is recorded). */
    let awayAfterNextSend = false;
    const digest = new DigestService({
      store: digestStore,
      library: () => ({ articles: library.corpus.articles }),
      settings: { cron: '0 8 * * *', timezone: 'UTC', graceHours: 6, leaseMinutes: 1 },
      render: renderDigestPost,
      send: async (_channel, message, options) => {
        sent.push({ nonce: options?.nonce, text: JSON.stringify(message) });
        if (awayAfterNextSend) {
          awayAfterNextSend = false;
          await databaseAway(true, 'digest_away');
        }
      },
      guildIds: () => ['g1'],
      now: () => clock,
      log: createLogger('silent'),
    });
    try {
      await digest.noteArticles(['old.txt']);
      await digest.configure('g1', { channelId: 'c1' });

      // The slot comes while the database is away: nothing is posted, and nothing is recorded as missed.
      clock = new Date('2026-11-30T08:00:00.000Z');
      await databaseAway(true, 'digest_away');
      await digest.runDue().catch((error: unknown) => expect(error).toBeInstanceOf(StateUnavailableError));
      expect(sent).toEqual([]);

      // Back within the grace period; it goes away again just after Discord accepted the first message.
      await databaseAway(false, 'digest_away');
      clock = new Date('2026-11-30T08:20:00.000Z');
      awayAfterNextSend = true;
      await digest.runDue().catch(() => undefined);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toContain('Ferry service resumes');

      // Back again: the run is taken up where its record stops, re-sending that message with its nonce, which
      // Discord answers with the earlier message instead of a second one.
      await databaseAway(false, 'digest_away');
      clock = new Date('2026-11-30T08:30:00.000Z');
      await digest.runDue();
      expect(sent.length).toBeGreaterThan(1);
      expect(sent[1]!.nonce).toBe(sent[0]!.nonce);
      expect(sent[1]!.text).toContain('Ferry service resumes');
      const run = await digestStore.run('g1', '2026-11-30T08:00:00.000Z');
      expect(run).toMatchObject({ status: 'ok', articleIds: ['new.txt'] });
      expect(new Set(sent.map((message) => message.nonce)).size).toBe(run!.partsTotal);

      // Done: later ticks post nothing more.
      const count = sent.length;
      clock = new Date('2026-11-30T09:00:00.000Z');
      await digest.runDue();
      expect(sent).toHaveLength(count);
    } finally {
      await databaseAway(false, 'digest_away').catch(() => undefined);
      await digestStore.close();
    }
  }, 60_000);
});
