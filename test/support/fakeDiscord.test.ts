import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type ClientOptions,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import {
  createDefaultGuild,
  snowflakeForShard,
  startFakeDiscord,
  type FakeDiscord,
  type RecordedRequest,
} from './fakeDiscord/index.js';

/** A discord.js Client logged in to the fake; `errors` collects what its 'error' event reported. */
interface Running {
  client: Client;
  errors: unknown[];
}

async function loginClient(fake: FakeDiscord, extra: Partial<ClientOptions> = {}): Promise<Running> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, ...extra });
  const errors: unknown[] = [];
  client.on(Events.Error, (error) => errors.push(error));
  // Subscribe before login: against a fast fake, ready can fire before login() resolves.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return { client, errors };
}

/** Runs `handler` for the next interaction the client receives and resolves with its result. */
function handleNext<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

const byRoute = (method: string, path: string) => (r: RecordedRequest) => r.method === method && r.path === path;

describe('startFakeDiscord', () => {
  const setup = createDefaultGuild();
  let fake: FakeDiscord;
  let running: Running;

  beforeAll(async () => {
    fake = await startFakeDiscord({ guilds: [setup.guild] });
    running = await loginClient(fake);
  });

  afterAll(async () => {
    await running.client.destroy();
    await fake.close();
  });

  it('brings the client to ready with the guild, its channels and members cached', () => {
    const guild = running.client.guilds.cache.get(setup.guild.id);
    expect(guild?.name).toBe(setup.guild.name);
    expect(guild?.channels.cache.get(setup.general.id)?.name).toBe('general');
    expect(guild?.channels.cache.get(setup.digest.id)?.name).toBe('digest');
    expect(running.client.user?.id).toBe(fake.applicationId);
    expect(fake.identifies).toEqual([expect.objectContaining({ token: fake.token, shard: [0, 1] })]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', headers: { authorization: `Bot ${fake.token}` } });
  });

  it('echoes registered commands with ids and uses their option types for injected commands', async () => {
    const body = [{ name: 'top', description: 'Top stories', options: [{ name: 'count', description: 'How many', type: 10 }] }];
    const registered = await running.client.application?.commands.set(body, setup.guild.id);
    expect(registered?.first()?.name).toBe('top');
    expect(registered?.first()?.id).toMatch(/^\d+$/);
    const handled = handleNext(running.client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`expected a slash command, got type ${interaction.type}`);
      const count = interaction.options.getNumber('count', true);
      await interaction.reply({ content: `count ${count}` });
      return count;
    });
    fake.injectCommand({ name: 'top', options: { count: 3 } });
    // 3 is an integer, but the registered type (Number) wins, so getNumber does not throw.
    expect(await handled).toBe(3);
  });

  it('delivers a slash command whose deferReply and editReply arrive at the callback and @original routes', async () => {
    const handled = handleNext(running.client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`expected a slash command, got type ${interaction.type}`);
      await interaction.deferReply();
      const message = await interaction.editReply({
        embeds: [{ title: `Results for ${interaction.options.getString('query', true)}`, description: '@everyone' }],
        allowedMentions: { parse: [] },
      });
      return { message, channelId: interaction.channelId, admin: interaction.memberPermissions?.has(PermissionFlagsBits.Administrator) };
    });
    const { id, token } = fake.injectCommand({ name: 'ask', options: { query: 'rain' }, user: setup.admin });
    const result = await handled;

    const callback = await fake.waitForRequest(byRoute('POST', `/interactions/${id}/${token}/callback`), 1000);
    expect(callback).toMatchObject({ status: 204, body: { type: 5 }, query: { with_response: 'false' } });
    expect(callback.headers.authorization).toBeUndefined();
    const edit = await fake.waitForRequest(byRoute('PATCH', `/webhooks/${fake.applicationId}/${token}/messages/@original`), 1000);
    expect(edit.body).toMatchObject({ embeds: [{ title: 'Results for rain' }], allowed_mentions: { parse: [] } });
    expect(result.message.embeds[0]?.title).toBe('Results for rain');
    expect(result.message.id).toMatch(/^\d+$/);
    expect(result.channelId).toBe(setup.general.id);
    expect(result.admin).toBe(true);
    expect(running.errors).toEqual([]);
  });

  it('computes member permissions so a plain member lacks Manage Server', async () => {
    const handled = handleNext(running.client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply({ content: 'no', flags: MessageFlags.Ephemeral });
      return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
    });
    fake.injectCommand({ name: 'digest', subcommand: 'schedule', options: { time: '08:00' }, user: setup.member });
    expect(await handled).toBe(false);
  });

  it('answers a button click whose update() arrives as callback type 7 with the new content', async () => {
    const sent = await (running.client.channels.cache.get(setup.general.id) as TextChannel).send('page 1');
    const handled = handleNext(running.client, async (interaction) => {
      if (!interaction.isButton()) throw new Error(`expected a button, got type ${interaction.type}`);
      await interaction.update({ content: 'page 2', components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });
    const { id, token } = fake.injectButton({ customId: 'ask:next:2', messageId: sent.id });
    expect(await handled).toEqual({ customId: 'ask:next:2', messageId: sent.id });
    const callback = await fake.waitForRequest(byRoute('POST', `/interactions/${id}/${token}/callback`), 1000);
    expect(callback.body).toMatchObject({ type: 7, data: { content: 'page 2', components: [] } });
  });

  it('answers autocomplete whose respond() arrives as callback type 8 with the choices', async () => {
    const handled = handleNext(running.client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error(`expected autocomplete, got type ${interaction.type}`);
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.value}fall`, value: `${focused.value}fall` }]);
      return focused.name;
    });
    const { id, token } = fake.injectAutocomplete({ name: 'ask', options: { query: 'rain', topic: 'weather' }, focused: 'query' });
    expect(await handled).toBe('query');
    const callback = await fake.waitForRequest(byRoute('POST', `/interactions/${id}/${token}/callback`), 1000);
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'rainfall', value: 'rainfall' }] } });
  });

  it('records channel.send as POST /channels/:id/messages and returns a message', async () => {
    const channel = running.client.channels.cache.get(setup.digest.id) as TextChannel;
    const message = await channel.send({ content: 'Morning digest', allowedMentions: { parse: [] } });
    const request = await fake.waitForRequest(byRoute('POST', `/channels/${setup.digest.id}/messages`), 1000);
    expect(request.body).toMatchObject({ content: 'Morning digest', allowed_mentions: { parse: [] } });
    expect(request.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(message.content).toBe('Morning digest');
    expect(message.author.id).toBe(fake.applicationId);
  });

  it('parses multipart sends into payload_json and file names', async () => {
    const channel = running.client.channels.cache.get(setup.general.id) as TextChannel;
    await channel.send({ content: 'export', files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'digest.csv' }] });
    const request = await fake.waitForRequest((r) => r.files.length > 0, 1000);
    expect(request.body).toMatchObject({ content: 'export' });
    expect(request.files).toEqual([{ field: 'files[0]', filename: 'digest.csv', size: 8 }]);
  });

  it('surfaces an injected 403 on a channel send as a DiscordAPIError with status 403, once', async () => {
    const path = `/channels/${setup.general.id}/messages`;
    fake.setResponse({ method: 'POST', path }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const channel = running.client.channels.cache.get(setup.general.id) as TextChannel;
    const failure = await channel.send('blocked').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ status: 403, code: 50013 });
    await expect(channel.send('allowed')).resolves.toMatchObject({ content: 'allowed' });
  });

  it('makes the client wait out an injected 429 and retry', async () => {
    const path = `/channels/${setup.general.id}/messages`;
    const before = fake.requests.length;
    fake.setResponse(
      { method: 'POST', path },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false }, headers: { 'retry-after': '0.05' } },
    );
    const channel = running.client.channels.cache.get(setup.general.id) as TextChannel;
    await expect(channel.send('after the limit')).resolves.toMatchObject({ content: 'after the limit' });
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([429, 200]);
  });

  it('answers an unknown channel with 404 code 10003 and an unknown route with 404 code 0', async () => {
    await expect(running.client.channels.fetch('1')).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(running.client.rest.get('/guilds/1/audit-logs')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/guilds/1/audit-logs', status: 404 });
  });

  it('rejects waitForRequest after the timeout with the recorded requests listed', async () => {
    await expect(fake.waitForRequest(() => false, 20)).rejects.toThrow(/no matching request within 20 ms; recorded:\n {2}GET \/gateway\/bot -> 200/);
  });

  it('refuses a login with the wrong token', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await client.destroy();
  });
});

describe('startFakeDiscord with two shards', () => {
  const shard0 = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const shard1 = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let fake: FakeDiscord;
  let clients: Running[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: [shard0.guild, shard1.guild] });
    clients = await Promise.all([0, 1].map((id) => loginClient(fake, { shards: [id], shardCount: 2 })));
  });

  afterAll(async () => {
    await Promise.all(clients.map(({ client }) => client.destroy()));
    await fake.close();
  });

  it('gives each shard its own guild and routes an interaction to the shard that holds the guild', async () => {
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const [zero, one] = clients.map(({ client }) => client);
    if (!zero || !one) throw new Error('two clients expected');
    expect([...zero.guilds.cache.keys()]).toEqual([shard0.guild.id]);
    expect([...one.guilds.cache.keys()]).toEqual([shard1.guild.id]);

    const seen: string[] = [];
    for (const [name, client] of [['zero', zero], ['one', one]] as const) {
      client.on(Events.InteractionCreate, (interaction) => {
        seen.push(`${name}:${interaction.guildId}`);
        if (interaction.isChatInputCommand()) void interaction.reply('ok');
      });
    }
    const first = fake.injectCommand({ name: 'ask', guildId: shard1.guild.id, options: { query: 'x' } });
    await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${first.id}/`), 2000);
    const second = fake.injectCommand({ name: 'ask', guildId: shard0.guild.id, options: { query: 'y' } });
    await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${second.id}/`), 2000);
    expect(seen).toEqual([`one:${shard1.guild.id}`, `zero:${shard0.guild.id}`]);
  });
});
