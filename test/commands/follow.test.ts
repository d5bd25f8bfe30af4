import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import followCommand from '../../commands/follow.js';
import { AlertService } from '../../src/alerts/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { texts } from '../../src/discord/texts.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import { renderAlert } from '../../src/discord/render/renderFollow.js';
import type { Reply } from '../../src/discord/reply.js';
import { Router } from '../../src/discord/router.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import { FollowStore, StateStore } from '../../src/state/index.js';

let follows: FollowStore;
let runs: StateStore;
let router: Router;

function call(subcommand: string, values: Record<string, string | number> = {}, admin = true): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    invocation: {
      commandName: 'follow', subcommand,
      options: {
        string: (name) => (typeof values[name] === 'string' && name !== 'channel' ? (values[name] as string) : null),
        integer: (name) => (typeof values[name] === 'number' ? (values[name] as number) : null),
        boolean: () => null,
        channel: (name) => (name === 'channel' && typeof values[name] === 'string' ? (values[name] as string) : null),
      },
      user: { id: 'u1', name: 'User' }, guildId: 'g1', canManageGuild: admin,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    },
  };
}
async function run(subcommand: string, values: Record<string, string | number> = {}, admin = true): Promise<Reply[]> {
  const { invocation, replies } = call(subcommand, values, admin);
  await router.command(invocation);
  return replies;
}

beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'follow-cmd-'));
  runs = StateStore.open(path.join(dir, 'state.db'));
  follows = FollowStore.open(path.join(dir, 'state.db'));
  const seeds = mkdtempSync(path.join(tmpdir(), 'follow-cmd-seeds-'));
  const log = createLogger('silent', new Writable({ write: (_c: Buffer, _e, done) => done() }));
  const alerts = new AlertService<Reply>({ follows, runs, article: () => null, render: renderAlert, send: async () => undefined });
  const ctx: AppContext = {
    config: loadConfig({}), log, library: new LibraryStore(await buildLibrary(seeds), seeds),
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }), pages: new PageStore(), digest: null, alerts, now: () => new Date(),
  };
  router = new Router([followCommand], ctx);
});
afterEach(() => {
  follows.close();
  runs.close();
});

describe('/follow', () => {
  it('refuses members without Manage Server', async () => {
    expect(await run('add', { topic: 'ferry', channel: 'c1' }, false)).toEqual([{ content: texts.manageGuild, ephemeral: true }]);
  });

  it('adds a topic once, lists it, and removes it by its number', async () => {
    expect((await run('add', { topic: '  harbour   ferry ', channel: 'c1' }))[0]?.content).toBe(texts.followAdded('harbour ferry', 'c1'));
    expect((await run('add', { topic: 'harbour ferry', channel: 'c1' }))[0]?.content).toBe(texts.followAlready('harbour ferry', 'c1'));
    const list = (await run('list'))[0];
    expect(list?.embeds?.[0]?.fields).toEqual([{ name: '#1 harbour ferry', value: 'in <#c1>' }]);
    expect((await run('remove', { id: 1 }))[0]?.content).toBe(texts.followRemoved(1));
    expect((await run('remove', { id: 1 }))[0]?.content).toBe(texts.followNoSuchFollow(1));
    expect((await run('list'))[0]?.content).toBe(texts.followNone);
  });

  it('refuses a topic with no words to match', async () => {
    expect((await run('add', { topic: 'the of and', channel: 'c1' }))[0]).toMatchObject({ content: texts.followEmptyTopic, ephemeral: true });
  });
});
