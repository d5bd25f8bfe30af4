import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildBasedChannel } from 'discord.js';
import type { Article } from '../../src/corpus/types.js';
import { DigestService } from '../../src/digest/index.js';
import { buildLibrary, type Library } from '../../src/library.js';
import { StateStore } from '../../src/state/stateStore.js';
import { messageText, sentMessageBodies, type SentBody, channelPosts } from '../support/discordRequests.js';
import { createE2eSeeds, MADE_UP_PLACE, type E2eSeeds } from '../support/e2eSeeds.js';
import {
  createDefaultGuild,
  snowflakeForShard,
  startFakeDiscord,
  type DefaultSetup,
  type FakeDiscord,
} from '../support/fakeDiscord/index.js';
import { startBotInProcess, type InProcessBot } from '../support/startBotInProcess.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';

/**
 * The digest is not wired into src/main.ts yet (ctx.digest is null there), so these tests compose what main.ts will:
 * the production startBot + Router against the fake, and a DigestService whose `send`, `guildIds` and
 * `guildOfChannel` come from that bot, on a state file in a tmp folder, with a clock the test moves.
 */

/** A clock the test moves; every service and bot here reads it. */
let clock = new Date('2026-06-01T06:00:00.000Z');
const now = () => clock;
const at = (iso: string) => {
  clock = new Date(iso);
};

let seeds: E2eSeeds;
let library: Library;
let stateDir: string;
const stores: StateStore[] = [];
/** The made-up articles, held back so the test decides when each "arrives" in the coverage. */
let fresh: Article[] = [];
let baseline: Article[] = [];
let arrived: Article[] = [];

/** A DigestService posting through `bot`, on the state file `file` (in the test's tmp folder). */
function digestService(bot: InProcessBot, file: string, settings: { channelId: string | null }): DigestService {
  const store = StateStore.open(path.join(stateDir, file));
  stores.push(store);
  return new DigestService({
    store,
    library: () => ({ articles: [...baseline, ...arrived], quotesOf: (id) => library.quotes.quotesOfArticle(id) }),
    settings: { ...settings, cron: '0 8 * * *', timezone: 'UTC' },
    render: renderDigestPost,
    send: (channelId, reply) => bot.bot.send(channelId, reply),
    guildIds: () => bot.bot.guildIds(),
    guildOfChannel: (channelId) => (bot.bot.client.channels.cache.get(channelId) as GuildBasedChannel | undefined)?.guildId ?? null,
    now,
    log: bot.ctx.log,
  });
}

beforeAll(async () => {
  seeds = await createE2eSeeds({ mentionedUserId: '1250000000000000102', mentionedRoleId: '1250000000000000011' });
  library = await buildLibrary(seeds.dir);
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-digest-e2e-'));
  baseline = library.corpus.articles.filter((article) => !article.headline.includes(MADE_UP_PLACE));
  fresh = library.corpus.articles.filter((article) => article.headline.includes(MADE_UP_PLACE)).sort((a, b) => a.headline.localeCompare(b.headline));
});

afterAll(async () => {
  for (const store of stores) store.close();
  await rm(stateDir, { recursive: true, force: true });
  await seeds?.remove();
});

describe('the scheduled digest, through the real client', () => {
  const setup: DefaultSetup = createDefaultGuild();
  let fake: FakeDiscord;
  let running: InProcessBot;
  let service: DigestService;

  beforeAll(async () => {
    fake = await startFakeDiscord({ guilds: [setup.guild] });
    running = await startBotInProcess({ fake, library, seedsDir: seeds.dir, now });
    service = digestService(running, 'one-shard.sqlite', { channelId: setup.digest.id });
    at('2026-06-01T06:00:00.000Z');
    arrived = [];
    // First start: the coverage there now is the baseline, never a digest's content.
    await service.runDue();
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('arrives in the digest channel as messages at the slot, with mentions off, and only once', async () => {
    at('2026-06-01T07:00:00.000Z');
    arrived = fresh.slice(0, 2);
    expect(await service.runDue()).toEqual([expect.objectContaining({ guildId: setup.guild.id, outcome: 'not-due' })]);
    expect(channelPosts(fake, setup.digest.id)).toEqual([]);

    at('2026-06-01T08:00:30.000Z');
    expect(await service.runDue()).toEqual([expect.objectContaining({ guildId: setup.guild.id, outcome: 'posted', articles: 2 })]);
    const posts = channelPosts(fake, setup.digest.id);
    expect(posts.length).toBeGreaterThan(0);
    const text = posts.map((post) => messageText(post.body as SentBody)).join('\n');
    for (const article of arrived) expect(text).toContain(article.headline);
    for (const { body } of sentMessageBodies(posts)) expect(body.allowed_mentions).toMatchObject({ parse: [] });

    at('2026-06-01T08:05:00.000Z');
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(channelPosts(fake, setup.digest.id)).toHaveLength(posts.length);
  });

  it.each([
    [404, { code: 10003, message: 'Unknown Channel' }],
    [403, { code: 50013, message: 'Missing Permissions' }],
  ])('survives a %i on the digest channel and posts on a later tick', async (status, body) => {
    const day = status === 404 ? '2026-06-02' : '2026-06-03';
    at(`${day}T07:00:00.000Z`);
    arrived = [...arrived, fresh[status === 404 ? 2 : 3]!];
    await service.runDue();
    const before = fake.requests.length;
    fake.setResponse({ method: 'POST', path: `/channels/${setup.digest.id}/messages` }, { status, body });

    at(`${day}T08:00:10.000Z`);
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.stringContaining(`HTTP ${status}`) })]);
    expect(channelPosts(fake, setup.digest.id, before).map((r) => r.status)).toEqual([status]);
    expect(running.logs.filter((line) => line.msg.startsWith('digest: missing channel or permission'))).not.toEqual([]);

    // The client is still up: it answers a command in the meantime.
    const about = fake.injectCommand({ name: 'about', user: setup.member });
    await fake.waitForRequest((r) => r.path === `/interactions/${about.id}/${about.token}/callback`);

    // Before the retry time nothing is sent again; after it, the digest goes out.
    at(`${day}T08:05:00.000Z`);
    await service.runDue();
    expect(channelPosts(fake, setup.digest.id, before)).toHaveLength(1);
    at(`${day}T08:11:00.000Z`);
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 1 })]);
    expect(channelPosts(fake, setup.digest.id, before).slice(1).every((r) => r.status === 200)).toBe(true);
  });
});

describe('the digest with two shards', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const one = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let fake: FakeDiscord;
  let shards: InProcessBot[] = [];
  let services: DigestService[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: [zero.guild, one.guild] });
    shards = await Promise.all([0, 1].map((id) => startBotInProcess({ fake, library, seedsDir: seeds.dir, now, shards: { ids: [id], count: 2 } })));
    // One state file for both, as the processes of one deployment share it; no default channel, each guild chose its own.
    services = shards.map((running) => digestService(running, 'two-shards.sqlite', { channelId: null }));
    at('2026-06-10T06:00:00.000Z');
    arrived = fresh.slice(0, 4);
    // First start on this file: what is there now is the baseline; only the fifth article will be new.
    await services[0]!.configure(zero.guild.id, { channelId: zero.digest.id });
    await services[1]!.configure(one.guild.id, { channelId: one.digest.id });
    await Promise.all(services.map((service) => service.runDue()));
  });

  afterAll(async () => {
    await Promise.all(shards.map((running) => running.stop()));
    await fake?.close();
  });

  it('gives each shard only its own guild', () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(shards.map((running) => running.bot.guildIds())).toEqual([[zero.guild.id], [one.guild.id]]);
  });

  it("posts each guild's digest exactly once, from the shard that holds the guild", async () => {
    at('2026-06-10T07:00:00.000Z');
    arrived = fresh.slice(0, 5);
    await Promise.all(services.map((service) => service.runDue()));

    at('2026-06-10T08:00:20.000Z');
    // Both shards tick at the same moment, twice, as overlapping timers could.
    const ticks = await Promise.all([...services, ...services].map((service) => service.runDue()));
    const outcomes = ticks.map((tick) => tick.map((entry) => `${entry.guildId}:${entry.outcome}`));
    expect(outcomes[0]).toEqual([`${zero.guild.id}:posted`]);
    expect(outcomes[1]).toEqual([`${one.guild.id}:posted`]);
    expect(outcomes.slice(2).flat().some((entry) => entry.endsWith(':posted'))).toBe(false);

    const zeroPosts = channelPosts(fake, zero.digest.id);
    const onePosts = channelPosts(fake, one.digest.id);
    expect(zeroPosts.length).toBeGreaterThan(0);
    expect(onePosts.length).toBe(zeroPosts.length);
    const headline = fresh[4]!.headline;
    expect(zeroPosts.filter((post) => messageText(post.body as SentBody).includes(headline))).toHaveLength(1);
    expect(onePosts.filter((post) => messageText(post.body as SentBody).includes(headline))).toHaveLength(1);
  });
});
