import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import type { GuildBasedChannel } from 'discord.js';
import type { Article } from '../../src/corpus/types.js';
import { DigestService, type DigestServiceDeps } from '../../src/digest/index.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';
import type { Reply } from '../../src/discord/reply.js';
import { buildLibrary, type Library } from '../../src/library.js';
import { StateStore } from '../../src/state/stateStore.js';
import { createE2eSeeds, MADE_UP_PLACE, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord/index.js';
import { startBotInProcess, type InProcessBot } from '../support/startBotInProcess.js';

/**
 * A process can die after Discord accepted a digest message and before the state store recorded it. The process that
 * takes the run over after the lease sends that message again; its nonce (with enforce_nonce) makes Discord answer
 * with the earlier message, so the channel still has each message once.
 */
let clock = new Date('2026-06-01T06:00:00.000Z');
const now = () => clock;

const setup = createDefaultGuild();
let seeds: E2eSeeds;
let library: Library;
let stateDir: string;
let fake: FakeDiscord;
let running: InProcessBot;
const stores: StateStore[] = [];
let baseline: Article[] = [];
let articles: Article[] = [];

function service(send: DigestServiceDeps<Reply>['send']): DigestService<Reply> {
  const store = StateStore.open(path.join(stateDir, 'state.sqlite'));
  stores.push(store);
  return new DigestService({
    store,
    library: () => ({ articles, quotesOf: (id) => library.quotes.quotesOfArticle(id) }),
    settings: { channelId: setup.digest.id, cron: '0 8 * * *', timezone: 'UTC', leaseMinutes: 10 },
    render: renderDigestPost,
    send,
    guildIds: () => running.bot.guildIds(),
    guildOfChannel: (channelId) => (running.bot.client.channels.cache.get(channelId) as GuildBasedChannel | undefined)?.guildId ?? null,
    now,
    log: running.ctx.log,
  });
}

const posts = (): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${setup.digest.id}/messages`);

beforeAll(async () => {
  seeds = await createE2eSeeds({ mentionedUserId: '1250000000000000102', mentionedRoleId: '1250000000000000011' });
  library = await buildLibrary(seeds.dir);
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-nonce-e2e-'));
  baseline = library.corpus.articles.filter((article) => !article.headline.includes(MADE_UP_PLACE));
  fake = await startFakeDiscord({ guilds: [setup.guild] });
  running = await startBotInProcess({ fake, library, seedsDir: seeds.dir, now });
});

afterAll(async () => {
  for (const store of stores) store.close();
  await running?.stop();
  await fake?.close();
  await rm(stateDir, { recursive: true, force: true });
  await seeds?.remove();
});

describe('a digest message accepted by Discord just before a crash', () => {
  it('is not posted twice when another process takes the run over', async () => {
    // The first process dies right after Discord accepts its first message: its send never returns.
    let died = false;
    const first = service(async (channelId, reply, options) => {
      await running.bot.send(channelId, reply, options);
      died = true;
      await new Promise<never>(() => undefined);
    });
    articles = baseline;
    await first.runDue();
    articles = library.corpus.articles;
    clock = new Date('2026-06-01T08:00:30.000Z');
    void first.runDue();
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${setup.digest.id}/messages`);
    await expect.poll(() => died).toBe(true);
    expect(posts()).toHaveLength(1);

    // Another process, after the lease: the run is not done, its first message not recorded, so it is sent again.
    const second = service((channelId, reply, options) => running.bot.send(channelId, reply, options));
    clock = new Date('2026-06-01T08:11:00.000Z');
    expect(await second.runDue()).toEqual([expect.objectContaining({ guildId: setup.guild.id, outcome: 'posted' })]);

    const sent = posts();
    const nonces = sent.map((r) => (r.body as { nonce?: string; enforce_nonce?: boolean }).nonce);
    expect(sent.every((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
    expect(nonces[1]).toBe(nonces[0]);
    const ids = sent.map((r) => (r.response as APIMessage).id);
    // The repeat got the earlier message back; every message of the digest exists once.
    expect(ids[1]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(sent.length - 1);
    expect(new Set(nonces).size).toBe(sent.length - 1);
  });
});
