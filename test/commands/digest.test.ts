import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import digest from '../../commands/digest.js';
import reload from '../../commands/reload.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { DigestService } from '../../src/digest/digestService.js';
import { texts } from '../../src/discord/texts.js';
import type { Choice, CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';
import type { Reply } from '../../src/discord/reply.js';
import { Router } from '../../src/discord/router.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import { StateStore } from '../../src/state/stateStore.js';

let dir: string;
let seeds: string;
let store: StateStore;
let clock: Date;
let posted: { channelId: string; reply: Reply }[];

function article(title: string, date: string): string {
  return `---\ntitle: "${title}"\ndate: ${date}\nurl: https://example.org/${date}\nsource: Test Wire\n---\n\nThe council met and voted on the budget for the coming year after a long debate.\n`;
}

async function setup(options: { withDigest?: boolean } = {}) {
  const library = new LibraryStore(await buildLibrary(seeds), seeds);
  const sink = new Writable({ write: (_chunk: Buffer, _encoding, done) => done() });
  const log = createLogger('silent', sink);
  const service = new DigestService({
    store,
    library: () => ({ articles: library.current.corpus.articles }),
    settings: { channelId: null },
    render: renderDigestPost,
    send: async (channelId, reply) => void posted.push({ channelId, reply }),
    guildIds: () => ['g1'],
    now: () => clock,
    log,
  });
  library.onReload((next) => service.noteArticles(next.corpus.articles.map((a) => a.id)));
  await service.catchUp();
  const ctx: AppContext = {
    config: loadConfig({}),
    log,
    library,
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest: options.withDigest === false ? null : service,
    now: () => clock,
  };
  return { router: new Router([digest, reload], ctx), service, library };
}

function call(
  commandName: string,
  subcommand: string | null,
  values: Record<string, string | boolean> = {},
  who: { admin?: boolean; guildId?: string | null } = {},
): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  const pick = <T>(name: string, type: string): T | null => (typeof values[name] === type ? (values[name] as T) : null);
  return {
    replies,
    invocation: {
      commandName,
      subcommand,
      options: {
        string: (name) => (name === 'channel' ? null : pick<string>(name, 'string')),
        integer: () => null,
        boolean: (name) => pick<boolean>(name, 'boolean'),
        channel: (name) => (name === 'channel' ? pick<string>(name, 'string') : null),
      },
      user: { id: 'u1', name: 'User' },
      guildId: who.guildId === undefined ? 'g1' : who.guildId,
      canManageGuild: who.admin ?? false,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-cmd-'));
  seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'old.md'), article('Old news', '2025-05-01'));
  store = StateStore.open(join(dir, 'state.db'));
  clock = new Date('2025-06-01T07:00:00.000Z');
  posted = [];
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/digest set', () => {
  it('refuses members without Manage Server', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'set', { channel: 'c1', time: '08:00' });
    await router.command(invocation);
    expect(replies).toEqual([{ content: texts.manageGuild, ephemeral: true }]);
  });

  it('saves channel, time and zone and answers with the status, ephemerally', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'set', { channel: 'c1', time: '8:30', timezone: 'Europe/London' }, { admin: true });
    await router.command(invocation);
    expect(replies[0]).toMatchObject({ content: texts.digestSaved, ephemeral: true });
    expect(replies[0]?.data?.status).toMatchObject({
      enabled: true,
      channelId: 'c1',
      schedule: 'daily at 08:30 (Europe/London)',
      nextRun: { at: '2025-06-01T07:30:00.000Z' },
    });
    expect(replies[0]?.embeds?.[0]?.fields?.find((field) => field.name === 'Channel')?.value).toBe('<#c1>');
  });

  it('answers a bad time zone with what was wrong', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'set', { channel: 'c1', timezone: 'Europe/Londn' }, { admin: true });
    await router.command(invocation);
    expect(replies[0]).toMatchObject({ ephemeral: true, content: 'time zone "Europe/Londn" is not an IANA time zone such as Europe/London or UTC' });
  });
});

describe('/digest off and status', () => {
  it('turns the digest off and status says so', async () => {
    const { router } = await setup();
    await router.command(call('digest', 'set', { channel: 'c1' }, { admin: true }).invocation);
    await router.command(call('digest', 'off', {}, { admin: true }).invocation);
    const { invocation, replies } = call('digest', 'status');
    await router.command(invocation);
    expect(replies[0]?.data?.status).toMatchObject({ enabled: false, inactiveReason: 'off', nextRun: null });
  });

  it('refuses status in direct messages', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'status', {}, { guildId: null });
    await router.command(invocation);
    expect(replies).toEqual([{ content: texts.guildOnly, ephemeral: true }]);
  });

  it('explains when digests are not available', async () => {
    const { router } = await setup({ withDigest: false });
    const { invocation, replies } = call('digest', 'status');
    await router.command(invocation);
    expect(replies[0]?.content).toBe(texts.digestUnavailable);
  });
});

describe('/digest now', () => {
  it('previews ephemerally, and with nothing new shows the latest articles', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'now');
    await router.command(invocation);
    expect(replies[0]?.ephemeral).toBe(true);
    expect(replies[0]?.content).toContain('Nothing new since');
    expect(replies[0]?.embeds?.[0]?.fields?.[0]?.name).toBe('Old news');
    expect(posted).toEqual([]);
  });

  it('posts for real with post:true by an admin, after a reload brought something new', async () => {
    const { router } = await setup();
    await router.command(call('digest', 'set', { channel: 'c1' }, { admin: true }).invocation);
    clock = new Date('2025-06-01T07:10:00.000Z');
    writeFileSync(join(seeds, 'new.md'), article('Fresh news', '2025-06-01'));
    const reloaded = call('reload', null, {}, { admin: true });
    await router.command(reloaded.invocation);
    expect(reloaded.replies[0]?.content).toMatch(/^Reloaded 2 articles in \d+ ms\.$/);
    clock = new Date('2025-06-01T07:20:00.000Z');
    const { invocation, replies } = call('digest', 'now', { post: true }, { admin: true });
    await router.command(invocation);
    expect(replies[0]).toMatchObject({ content: texts.digestPosted(1, 'c1'), ephemeral: true });
    expect(posted.map((entry) => entry.channelId)).toEqual(['c1']);
    expect(posted[0]?.reply.embeds?.[0]?.fields?.[0]?.name).toBe('Fresh news');
  });

  it('refuses post:true to members without Manage Server', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('digest', 'now', { post: true });
    await router.command(invocation);
    expect(replies).toEqual([{ content: texts.manageGuild, ephemeral: true }]);
  });
});

describe('/digest autocomplete', () => {
  it('offers IANA zones matching what was typed, word starts first', async () => {
    const { router } = await setup();
    const choices: Choice[] = [];
    await router.autocomplete({
      commandName: 'digest',
      subcommand: 'set',
      focused: { name: 'timezone', value: 'lond' },
      options: call('digest', 'set').invocation.options,
      user: { id: 'u1', name: 'User' },
      guildId: 'g1',
      respond: async (list) => void choices.push(...list),
    });
    expect(choices[0]).toEqual({ name: 'Europe/London', value: 'Europe/London' });
  });
});

describe('/reload', () => {
  it('keeps the previous coverage and says so when the re-index fails', async () => {
    const { router, library } = await setup();
    writeFileSync(join(seeds, 'old.md'), '');
    const { invocation, replies } = call('reload', null, {}, { admin: true });
    await router.command(invocation);
    expect(replies[0]?.content).toMatch(/^Reload failed: .+\nThe previous coverage is still in use\.$/);
    expect(library.current.corpus.articles.map((a) => a.id)).toEqual(['old.md']);
  });

  it('refuses members without Manage Server', async () => {
    const { router } = await setup();
    const { invocation, replies } = call('reload', null);
    await router.command(invocation);
    expect(replies).toEqual([{ content: texts.manageGuild, ephemeral: true }]);
  });
});
