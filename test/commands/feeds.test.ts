import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import feedsCommand from '../../commands/feeds.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { texts } from '../../src/discord/texts.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';

import type { Reply } from '../../src/discord/reply.js';
import { Router } from '../../src/discord/router.js';
import { FeedService, HostGate, type FeedServiceOptions } from '../../src/feeds/index.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import { FeedStore } from '../../src/state/index.js';
import { fixture, serve, startFeedServer, type FeedServer } from '../feeds/feedServer.js';

let server: FeedServer;
let dir: string;
let store: FeedStore;
let service: FeedService;
let clock: Date;
let router: Router;
let serviceOptions: FeedServiceOptions;
let appContext: AppContext;
let written: number;

function call(subcommand: string, values: Record<string, string> = {}, admin = true): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    invocation: {
      commandName: 'feeds', subcommand,
      options: { string: (name) => values[name] ?? null, integer: () => null, boolean: () => null, channel: () => null },
      user: { id: 'u1', name: 'User' }, guildId: 'g1', canManageGuild: admin,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    },
  };
}

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/atom', serve(fixture('atom.xml', server.origin), 'application/atom+xml'));
  server.route('/down', (_q, r) => void r.writeHead(503, { 'retry-after': '600' }).end());
});
afterAll(() => server.close());

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'feeds-cmd-'));
  writeFileSync(path.join(dir, 'feeds.yaml'), `- url: ${server.origin}/atom\n  fullText: false\n- url: ${server.origin}/down\n  name: Downtown Times\n`);
  store = FeedStore.open(path.join(dir, 'state.db'));
  clock = new Date('2026-11-30T10:00:00Z');
  written = 0;
  const log = createLogger('silent', new Writable({ write: (_c: Buffer, _e, done) => done() }));
  service = new FeedService((serviceOptions = {
    file: path.join(dir, 'feeds.yaml'), fileRequired: true, defaults: { everyMinutes: 15 },
    context: {
      store, seedsDir: path.join(dir, 'seeds'), gate: new HostGate(), maxFailures: 2, now: () => clock, random: () => 0.5, log: () => undefined,
      fetch: { userAgent: 'newsdesk-test', timeoutMs: 1500, maxBytes: 100_000, maxRedirects: 5, allowAddress: () => true },
    },
    onWritten: () => void (written += 1),
  }));
  const seeds = mkdtempSync(path.join(tmpdir(), 'feeds-cmd-seeds-'));
  const ctx: AppContext = {
    config: loadConfig({}), log, library: new LibraryStore(await buildLibrary(seeds), seeds),
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }), pages: new PageStore(), digest: null, feeds: service, now: () => clock,
  };
  appContext = ctx;
  router = new Router([feedsCommand], ctx);
});

describe('/feeds', () => {
  it('refuses members without Manage Server', async () => {
    const { invocation, replies } = call('status', {}, false);
    await router.command(invocation);
    expect(replies).toEqual([{ content: texts.manageGuild, ephemeral: true }]);
  });

  it('status lists every feed, never polled yet', async () => {
    const { invocation, replies } = call('status');
    await router.command(invocation);
    expect(replies[0]?.ephemeral).toBe(true);
    expect(replies[0]?.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([`${server.origin}/atom`, 'Downtown Times']);
    expect(replies[0]?.data?.feeds).toMatchObject([{ state: 'new' }, { state: 'new' }]);
  });

  it('poll polls every feed now and status then shows health, backoff and the pause', async () => {
    const first = call('poll');
    await router.command(first.invocation);
    expect(first.replies[0]?.data?.reports).toEqual([
      { feed: `${server.origin}/atom`, status: 'ok', new: 1, updated: 0, skipped: 0, error: null },
      { feed: `${server.origin}/down`, status: 'error', new: 0, updated: 0, skipped: 0, error: `${server.origin}/down: HTTP 503 (retry after 600 s)` },
    ]);
    expect(written).toBe(1);
    await router.command(call('poll').invocation);
    const status = call('status');
    await router.command(status.invocation);
    expect(status.replies[0]?.data?.feeds).toMatchObject([
      { state: 'ok', itemsSeen: 1, nextPoll: '2026-11-30T10:15:00.000Z' },
      { state: 'paused', failures: 2, pausedReason: `${server.origin}/down: HTTP 503 (retry after 600 s)`, nextPoll: null },
    ]);
    expect(status.replies[0]?.embeds?.[0]?.fields?.[1]?.value).toContain('`/feeds resume` to retry');
  });

  it('polls on the tick only what is due', async () => {
    expect((await service.pollDue()).map((r) => r.status)).toEqual(['ok', 'error']);
    clock = new Date('2026-11-30T10:05:00Z');
    expect(await service.pollDue()).toEqual([]);
    clock = new Date('2026-11-30T10:16:00Z');
    expect((await service.pollDue()).map((r) => r.feed)).toEqual([`${server.origin}/atom`]);
  });

  it('resume unpauses the matching paused feeds', async () => {
    await service.pollNow();
    await service.pollNow();
    const none = call('resume', { feed: 'atom' });
    await router.command(none.invocation);
    expect(none.replies[0]?.content).toBe(texts.feedsResumed([]));
    const some = call('resume', { feed: 'downtown' });
    await router.command(some.invocation);
    expect(some.replies[0]?.data?.resumed).toEqual([`${server.origin}/down`]);
    expect((await service.status())[1]).toMatchObject({ failures: 0, pausedReason: null, nextPoll: null });
    expect((await service.status())[1]?.state).not.toBe('paused');
  });

  it('poll, in a process that is not the ingester of a deployment on several hosts, fetches nothing and says who polls', async () => {
    const requestsBefore = server.requests.length;
    const elsewhere = new FeedService({ ...serviceOptions, mayPoll: () => false });
    const ctx: AppContext = { ...appContext, feeds: elsewhere };
    const { invocation, replies } = call('poll');
    await new Router([feedsCommand], ctx).command(invocation);
    expect(replies).toEqual([{ content: texts.feedsPolledElsewhere, ephemeral: true, data: { error: texts.feedsPolledElsewhere } }]);
    expect(await elsewhere.pollDue()).toEqual([]);
    expect(server.requests.length).toBe(requestsBefore);
  });
});
