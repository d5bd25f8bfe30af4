import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  InteractionType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type Snowflake,
} from 'discord-api-types/v10';
import { createDefaultGuild } from './defaultGuild.js';
import { FakeGateway, type RecordedIdentify } from './gateway.js';
import {
  buildInteraction,
  buildMessage,
  buildOptions,
  memberPermissions,
  nextSnowflake,
  type FakeGuild,
  type FakeUser,
  type OptionInput,
} from './payloads.js';
import { RequestRecorder, type RecordedRequest, type RequestPredicate } from './recorder.js';
import { RestRoutes, type InjectedResponse, type ResponseMatcher } from './server.js';
import { FakeState } from './state.js';

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot <token>` and IDENTIFY). @default 'fake-token' */
  token?: string;
  /** Guilds the bot is in. @default [createDefaultGuild().guild] */
  guilds?: FakeGuild[];
  /** Application id, also the bot user's id (as for real bots). @default '1240000000000000000' */
  applicationId?: Snowflake;
  /** Shard count announced by `GET /gateway/bot`; guilds go to shard `(id >> 22) % shards`. @default 1 */
  shards?: number;
  /** How long a message nonce sent with `enforce_nonce` is remembered. @default 300000 (5 minutes) */
  nonceWindowMs?: number;
}

/** Where and as whom an injected interaction happens. */
export interface InjectTarget {
  /** Who acts. @default the guild's first member (the admin in the default guild) */
  user?: FakeUser;
  /** `null` for a DM. @default the first guild */
  guildId?: Snowflake | null;
  /** @default the guild's first channel */
  channelId?: Snowflake;
  /** Overrides the member's permissions (computed from `@everyone` and its roles otherwise). */
  permissions?: bigint;
}

/** A slash command to inject. */
export interface InjectCommand extends InjectTarget {
  name: string;
  /** `{ query: 'rain', limit: 3 }`; types come from the registered command, else from the values. */
  options?: Record<string, OptionInput>;
  subcommand?: string;
}

/** An autocomplete request to inject: `focused` names the option being typed. */
export interface InjectAutocomplete extends InjectCommand {
  focused: string;
}

/** A button click to inject. */
export interface InjectButton extends InjectTarget {
  customId: string;
  /** The clicked message: one the fake stored (a reply, a sent message), or a new bot message with this button. */
  messageId?: Snowflake;
}

/** The id and token of an injected interaction (the token appears in its callback and webhook routes). */
export interface InjectedInteraction {
  id: Snowflake;
  token: string;
}

/** A running fake Discord (REST + gateway on one 127.0.0.1 port). */
export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api`: the discord.js `rest.api` option / `DISCORD_API_URL` (no `/v10`). */
  apiUrl: string;
  /** `ws://127.0.0.1:PORT`, as returned by `GET /gateway/bot`. */
  gatewayUrl: string;
  token: string;
  applicationId: Snowflake;
  /** The bot user (id = applicationId). */
  bot: FakeUser;
  guilds: FakeGuild[];
  /** Every REST request so far, oldest first. */
  requests: RecordedRequest[];
  /** Every IDENTIFY so far (token, intents, shard). */
  identifies: RecordedIdentify[];
  /** The first recorded or next request matching `predicate`; rejects after `timeoutMs` listing what arrived. */
  waitForRequest(predicate: RequestPredicate, timeoutMs?: number): Promise<RecordedRequest>;
  /** Dispatches a slash command (INTERACTION_CREATE type 2) to the shard holding the guild. */
  injectCommand(command: InjectCommand): InjectedInteraction;
  /** Dispatches an autocomplete (type 4) with `focused` marked `focused: true`. */
  injectAutocomplete(request: InjectAutocomplete): InjectedInteraction;
  /** Dispatches a button click (type 3, component_type 2) carrying its message. */
  injectButton(click: InjectButton): InjectedInteraction;
  /**
   * Dispatches an injected interaction's INTERACTION_CREATE again, identical (same id and token), as Discord can after
   * a gateway replay; the bot should answer it once.
   */
  redeliver(interaction: InjectedInteraction): void;
  /** Sends any dispatch; see {@link FakeGateway.dispatch}. Returns how many connections got it. */
  dispatch(t: string, d: unknown, shardId?: number): number;
  /** Handles and records the next `times` (default 1) matching requests at once but answers them after `ms`. */
  delayResponse(matcher: ResponseMatcher, ms: number, times?: number): void;
  /** Replaces the answer of the next `times` (default 1) matching requests, e.g. a 403 on channel sends. */
  setResponse(matcher: ResponseMatcher, response: InjectedResponse): void;
  /** Closes the connection of the next `times` (default 1) matching requests unanswered, without carrying them out. */
  dropConnection(matcher: ResponseMatcher, times?: number): void;
  /** Requests whose connection {@link dropConnection} closed (they are not in `requests`). */
  readonly dropped: readonly RecordedRequest[];
  /** Shards with an open, identified connection. */
  connectedShards(): number[];
  /** Asks a shard to reconnect (op 7); the client resumes. */
  requestReconnect(shardId: number): void;
  /** Closes every socket and the server. Destroy the client first. */
  close(): Promise<void>;
}

const defaults = { token: 'fake-token', applicationId: '1240000000000000000', shards: 1 };

/**
 * Starts a fake Discord on 127.0.0.1 (random port) that the unmodified discord.js 14 Client can log in to.
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * client.once(Events.ClientReady, …); await client.login(fake.token);
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const { token, applicationId, shards } = { ...defaults, ...options };
  const guilds = options.guilds ?? [createDefaultGuild().guild];
  const bot: FakeUser = { id: applicationId, username: 'newsdesk', bot: true };
  const state = new FakeState(token, applicationId, bot, guilds, shards, options.nonceWindowMs);
  const recorder = new RequestRecorder();
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const rest = new RestRoutes(state, recorder, gatewayUrl);
  const server = createServer(rest.handle);
  const gateway = new FakeGateway(server, state, gatewayUrl);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  function inject(type: InteractionType, target: InjectTarget, data: Record<string, unknown>, messageId?: Snowflake): InjectedInteraction {
    const guild = target.guildId === null ? undefined : state.guild(target.guildId ?? firstGuild(guilds).id);
    const channel = guild ? (target.channelId ? guild.channels.find((c) => c.id === target.channelId) : guild.channels[0]) : undefined;
    if (guild && !channel) throw new Error(`fake Discord: guild ${guild.id} has no channel ${target.channelId ?? '(none)'}`);
    const user = target.user ?? guild?.members[0]?.user ?? { id: nextSnowflake(), username: 'someone' };
    const roles = guild?.members.find((m) => m.user.id === user.id)?.roles ?? [];
    const channelId = channel?.id ?? nextSnowflake();
    let message: ReturnType<typeof buttonMessage> | undefined;
    if (messageId !== undefined || type === InteractionType.MessageComponent) {
      message = messageId === undefined ? undefined : state.messages.get(messageId);
      if (messageId !== undefined && !message) throw new Error(`fake Discord: no stored message ${messageId} to click on`);
      message ??= buttonMessage(channelId, String(data['custom_id']));
    }
    const context = {
      applicationId,
      guild,
      channel,
      user,
      roles,
      appPermissions: guild ? memberPermissions(guild, guild.botRoles) : 0n,
      ...(target.permissions === undefined ? {} : { permissions: target.permissions }),
    };
    const built = buildInteraction(type, context, data, message);
    const shardId = guild ? undefined : 0;
    state.interactions.set(built.token, {
      id: built.id,
      token: built.token,
      type,
      channelId,
      originalMessageId: message?.id,
      acknowledged: false,
      payload: built.payload,
      shardId,
    });
    gateway.dispatch(GatewayDispatchEvents.InteractionCreate, built.payload, shardId);
    return { id: built.id, token: built.token };
  }

  function buttonMessage(channelId: Snowflake, customId: string) {
    const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: customId }],
    };
    const message = buildMessage(channelId, bot, { content: 'message with a button', components: [row] });
    state.messages.set(message.id, message);
    return message;
  }

  function commandData(command: InjectCommand, focused?: string): Record<string, unknown> {
    const guildId = command.guildId === null ? undefined : (command.guildId ?? firstGuild(guilds).id);
    const types = state.registeredOptionTypes(command.name, guildId, command.subcommand);
    const options = buildOptions(command.options ?? {}, types, focused);
    const registered = [...(guildId ? (state.commands.get(guildId) ?? []) : []), ...(state.commands.get('global') ?? [])];
    return {
      id: registered.find((c) => c.name === command.name)?.id ?? nextSnowflake(),
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      options: command.subcommand ? [{ name: command.subcommand, type: ApplicationCommandOptionType.Subcommand, options }] : options,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    applicationId,
    bot,
    guilds,
    requests: recorder.requests,
    identifies: gateway.identifies,
    waitForRequest: (predicate, timeoutMs) => recorder.waitForRequest(predicate, timeoutMs),
    injectCommand: (command) => inject(InteractionType.ApplicationCommand, command, commandData(command)),
    injectAutocomplete: (request) => inject(InteractionType.ApplicationCommandAutocomplete, request, commandData(request, request.focused)),
    injectButton: (click) =>
      inject(InteractionType.MessageComponent, click, { custom_id: click.customId, component_type: ComponentType.Button }, click.messageId),
    redeliver(interaction) {
      const tracked = state.interactions.get(interaction.token);
      if (!tracked || tracked.id !== interaction.id) throw new Error(`fake Discord: no injected interaction ${interaction.id} to deliver again`);
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, tracked.payload, tracked.shardId);
    },
    dispatch: (t, d, shardId) => gateway.dispatch(t, d, shardId),
    setResponse: (matcher, response) => rest.setResponse(matcher, response),
    delayResponse: (matcher, ms, times) => rest.delayResponse(matcher, ms, times),
    dropConnection: (matcher, times) => rest.dropConnection(matcher, times),
    dropped: rest.dropped,
    connectedShards: () => gateway.connectedShards(),
    requestReconnect: (shardId) => gateway.requestReconnect(shardId),
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function firstGuild(guilds: FakeGuild[]): FakeGuild {
  const guild = guilds[0];
  if (!guild) throw new Error('fake Discord: no guild configured; pass guildId: null for a DM');
  return guild;
}
