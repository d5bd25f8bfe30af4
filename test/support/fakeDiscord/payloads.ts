import {
  ApplicationCommandOptionType,
  ChannelType,
  type InteractionType,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type APIChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GuildMemberFlags,
  type RoleFlags,
  type GatewayGuildCreateDispatchData,
  type Snowflake,
} from 'discord-api-types/v10';

/** A user known to the fake. */
export interface FakeUser {
  id: Snowflake;
  username: string;
  globalName?: string;
  bot?: boolean;
}

/** A role of a fake guild; `permissions` is a bit field as in Discord. */
export interface FakeRole {
  id: Snowflake;
  name: string;
  permissions: bigint;
}

/** A member of a fake guild: its permissions come from `@everyone` plus its `roles` (Administrator grants all). */
export interface FakeMember {
  user: FakeUser;
  /** Role ids (not `@everyone`). */
  roles: Snowflake[];
}

/** A guild channel of a fake guild. */
export interface FakeChannel {
  id: Snowflake;
  name: string;
  /** @default ChannelType.GuildText */
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement;
}

/** A guild the fake serves: sent in READY/GUILD_CREATE to the shard that holds it (Discord's `(id >> 22) % shards`). */
export interface FakeGuild {
  id: Snowflake;
  name: string;
  /** Permissions of `@everyone`, whose role id is the guild id. */
  everyonePermissions: bigint;
  roles: FakeRole[];
  channels: FakeChannel[];
  members: FakeMember[];
  /** Role ids the bot's own member has (its managed role). */
  botRoles: Snowflake[];
}

/** Discord's epoch (2015-01-01) in ms: snowflake timestamps count from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A fresh numeric snowflake whose timestamp is now, so discord.js decodes a sensible `createdAt`. */
export function nextSnowflake(): Snowflake {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

/** The shard Discord routes a guild to: `(guild_id >> 22) % shardCount`. */
export function shardForGuild(guildId: Snowflake, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake (timestamp `msAfterEpoch` or later) that lands on `shardId` of `shardCount`: for multi-shard tests. */
export function snowflakeForShard(shardId: number, shardCount: number, msAfterEpoch = 300_000_000_000): Snowflake {
  const count = BigInt(shardCount);
  const base = BigInt(msAfterEpoch);
  const ts = base + ((BigInt(shardId) - (base % count) + count) % count);
  return (ts << 22n).toString();
}

/** Every permission bit: what Administrator amounts to. */
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** A member's effective guild permissions: `@everyone` OR its roles; Administrator means all. */
export function memberPermissions(guild: FakeGuild, roleIds: readonly Snowflake[]): bigint {
  let bits = guild.everyonePermissions;
  for (const role of guild.roles) if (roleIds.includes(role.id)) bits |= role.permissions;
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}

/** The API form of a fake user. */
export function buildUser(user: FakeUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    bot: user.bot ?? false,
  };
}

/** The API form of a guild member (as in GUILD_CREATE and interactions). */
export function buildMember(member: FakeMember): APIGuildMember {
  return {
    user: buildUser(member.user),
    roles: member.roles,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}

/** The API form of a guild channel. */
export function buildChannel(guild: FakeGuild, channel: FakeChannel, position: number): APIChannel {
  return {
    id: channel.id,
    type: channel.type ?? ChannelType.GuildText,
    guild_id: guild.id,
    name: channel.name,
    position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    parent_id: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

/** The full guild sent as GUILD_CREATE: channels, `@everyone` and other roles, members including the bot. */
export function buildGuildCreate(guild: FakeGuild, bot: FakeUser): GatewayGuildCreateDispatchData {
  const everyone: APIRole = buildRole({ id: guild.id, name: '@everyone', permissions: guild.everyonePermissions }, 0);
  const members = [...guild.members, { user: bot, roles: guild.botRoles }].map(buildMember);
  // Only the fields discord.js reads; the rest of the (large) type is guarded by `'x' in data` on its side.
  const data = {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: guild.members[0]?.user.id ?? bot.id,
    unavailable: false,
    large: false,
    member_count: members.length,
    features: [],
    preferred_locale: 'en-US',
    joined_at: new Date(0).toISOString(),
    roles: [everyone, ...guild.roles.map((role, index) => buildRole(role, index + 1))],
    channels: guild.channels.map((channel, index) => buildChannel(guild, channel, index)),
    members,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    emojis: [],
    stickers: [],
  };
  return data as unknown as GatewayGuildCreateDispatchData;
}

function buildRole(role: FakeRole, position: number): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** What a message create/edit body may carry; the rest is ignored. */
export interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  /** Echoed on the message; with `enforce_nonce`, a repeat within the window returns the earlier message. */
  nonce?: string | number;
  enforce_nonce?: boolean;
}

/** A valid message object (numeric snowflake id, bot author) as the REST routes return it. */
export function buildMessage(
  channelId: Snowflake,
  author: FakeUser,
  body: MessageBody,
  extra: { id?: Snowflake; applicationId?: Snowflake; webhookId?: Snowflake } = {},
): APIMessage {
  return {
    id: extra.id ?? nextSnowflake(),
    type: MessageType.Default,
    channel_id: channelId,
    author: buildUser(author),
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
    ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
    ...(extra.applicationId === undefined ? {} : { application_id: extra.applicationId }),
    ...(extra.webhookId === undefined ? {} : { webhook_id: extra.webhookId }),
  };
}

/** An option value as a test gives it: a bare value (type taken from the registered command or inferred) or typed. */
export type OptionInput = string | number | boolean | { type: ApplicationCommandOptionType; value: string | number | boolean };

/**
 * Turns `{ query: 'rain' }` into interaction options. The type comes from `registeredTypes` (what the bot PUT) when
 * known, else from the value: string → String, integer → Integer, other number → Number, boolean → Boolean.
 */
export function buildOptions(
  options: Record<string, OptionInput>,
  registeredTypes: ReadonlyMap<string, ApplicationCommandOptionType>,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(options).map(([name, input]) => {
    const value = typeof input === 'object' ? input.value : input;
    const type = typeof input === 'object' ? input.type : (registeredTypes.get(name) ?? inferOptionType(value));
    const option = { name, type, value, ...(name === focused ? { focused: true } : {}) };
    return option as APIApplicationCommandInteractionDataOption;
  });
}

function inferOptionType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'string') return ApplicationCommandOptionType.String;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
}

/** The values of channel options (type 7), subcommands included. */
function channelOptionValues(options: unknown): string[] {
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: { type?: number; value?: unknown; options?: unknown }) =>
    option.type === ApplicationCommandOptionType.Channel && typeof option.value === 'string' ? [option.value] : channelOptionValues(option.options),
  );
}

/** Where an injected interaction happens and who does it. */
export interface InteractionContext {
  applicationId: Snowflake;
  guild: FakeGuild | undefined;
  channel: FakeChannel | undefined;
  /** Set for DMs (no guild); in a guild the member's user is used. */
  user: FakeUser;
  roles: Snowflake[];
  /** Overrides the member's computed permissions. */
  permissions?: bigint;
  appPermissions: bigint;
}

/**
 * An INTERACTION_CREATE payload with every field discord.js 14.28 requires (`entitlements`,
 * `authorizing_integration_owners`, `channel`). `data`/`message` depend on the type.
 */
export function buildInteraction(
  type: InteractionType,
  context: InteractionContext,
  data: Record<string, unknown>,
  message?: APIMessage,
): { id: Snowflake; token: string; payload: Record<string, unknown> } {
  const id = nextSnowflake();
  const token = `fake-interaction-token-${id}`;
  const { guild, channel } = context;
  // Discord sends the channels named by channel options in `data.resolved`; discord.js reads them from there.
  const channelIds = channelOptionValues(data['options']);
  if (guild && channelIds.length > 0) {
    const channels = Object.fromEntries(
      guild.channels.flatMap((known, index) =>
        channelIds.includes(known.id) ? [[known.id, { ...buildChannel(guild, known, index), permissions: ALL_PERMISSIONS.toString() }]] : [],
      ),
    );
    data = { ...data, resolved: { channels } };
  }
  const location = guild
    ? {
        guild_id: guild.id,
        guild: { id: guild.id, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        member: {
          ...buildMember({ user: context.user, roles: context.roles }),
          permissions: (context.permissions ?? memberPermissions(guild, context.roles)).toString(),
        },
      }
    : { user: buildUser(context.user) };
  const payload = {
    id,
    application_id: context.applicationId,
    type,
    token,
    version: 1,
    data,
    ...location,
    ...(channel && guild ? { channel_id: channel.id, channel: buildChannel(guild, channel, 0) } : {}),
    ...(message ? { message } : {}),
    app_permissions: context.appPermissions.toString(),
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': context.user.id },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  return { id, token, payload };
}
