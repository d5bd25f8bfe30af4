import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { buttonInvocation, autocompleteInvocation, commandInvocation } from './adapters.js';
import type { Reply } from './reply.js';
import type { Router } from './router.js';
import { toMessageOptions } from './sendable.js';
import { retryingMakeRequest } from './restRetry.js';

/** How to reach Discord. */
export interface BotOptions {
  token: string;
  /** REST base URL without `/v10` (a REST proxy, or a fake Discord in tests); null for Discord itself. */
  apiUrl: string | null;
  log: Logger;
  /** Shard ids this process runs, with `shardCount`; by default discord.js reads them from the ShardingManager's env. */
  shards?: number[];
  shardCount?: number;
}

/** A running bot: what the rest of newsdesk may ask of Discord. */
export interface Bot {
  client: Client;
  /** Guilds this process serves (with sharding: the guilds of its shards). */
  guildIds(): string[];
  /**
   * Posts `reply` into a channel. Throws a `ChannelUnavailableError` (status 404) when the channel is gone or not a text channel.
   * With `options.nonce` the message is sent with `enforce_nonce`: Discord answers a repeat of the nonce within a few
   * minutes with the earlier message instead of creating a second one.
   */
  send(channelId: string, reply: Reply, options?: { nonce?: string }): Promise<void>;
  /** Logs out and closes the gateway connection. */
  stop(): Promise<void>;
}

/** A channel the bot cannot post into; `status` mirrors Discord's HTTP status so callers treat it like one. */
export class ChannelUnavailableError extends Error {
  override name = 'ChannelUnavailableError';
  readonly status = 404;
  constructor(readonly channelId: string, reason: string) {
    super(`cannot post in channel ${channelId}: ${reason}`);
  }
}

/** How many interaction ids are remembered to drop a duplicate delivery. */
const SEEN_INTERACTIONS = 5000;

/**
 * Logs in and routes every interaction to `router`. Resolves once the client is ready.
 * Interactions delivered twice (a gateway replay) are answered once.
 */
export async function startBot(router: Router, options: BotOptions): Promise<Bot> {
  const { log } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // A request that fails on a closed connection is sent again when that cannot do anything twice (see restRetry).
    rest: { makeRequest: retryingMakeRequest(), ...(options.apiUrl ? { api: options.apiUrl } : {}) },
    ...(options.shards && options.shardCount ? { shards: options.shards, shardCount: options.shardCount } : {}),
  });
  let stopping = false;
  const seen = new Set<string>();

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (seen.has(interaction.id)) {
      log.warn({ interaction: interaction.id }, 'duplicate interaction ignored');
      return;
    }
    seen.add(interaction.id);
    if (seen.size > SEEN_INTERACTIONS) seen.delete(seen.values().next().value!);
    if (interaction.isChatInputCommand()) void router.command(commandInvocation(interaction));
    else if (interaction.isAutocomplete()) void router.autocomplete(autocompleteInvocation(interaction));
    else if (interaction.isButton()) void router.button(buttonInvocation(interaction));
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ code: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => !stopping && log.info({ shardId }, 'gateway reconnecting'));

  // Subscribe before login: against a fast gateway, ready can fire before login() resolves.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.shard?.ids ?? [0] }, 'connected to Discord');

  return {
    client,
    guildIds: () => [...client.guilds.cache.keys()],
    async send(channelId, reply, options = {}) {
      const channel = await client.channels.fetch(channelId);
      if (!channel) throw new ChannelUnavailableError(channelId, 'unknown channel');
      if (!channel.isSendable()) throw new ChannelUnavailableError(channelId, 'not a text channel');
      const nonce = options.nonce ? { nonce: options.nonce, enforceNonce: true } : {};
      await channel.send({ ...toMessageOptions(reply), ...nonce });
    },
    async stop() {
      stopping = true;
      await client.destroy();
    },
  };
}
