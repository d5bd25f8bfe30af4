import { ChannelType, PermissionFlagsBits, type Snowflake } from 'discord-api-types/v10';
import type { FakeChannel, FakeGuild, FakeUser } from './payloads.js';

/** Options of {@link createDefaultGuild}. */
export interface DefaultGuildOptions {
  /** Guild id; pick one with `snowflakeForShard` to place it on a shard. @default DEFAULT_GUILD_ID */
  id?: Snowflake;
  /** @default 'Newsdesk Test' */
  name?: string;
}

/** A ready-made guild and the handles a test needs. */
export interface DefaultSetup {
  guild: FakeGuild;
  /** Text channel `general`. */
  general: FakeChannel;
  /** Announcement channel `digest`, where scheduled digests go. */
  digest: FakeChannel;
  /** Member of the Editors role, which has Administrator. */
  admin: FakeUser;
  /** Plain member: can use commands, lacks Manage Server. */
  member: FakeUser;
}

/** The default guild's id; on shard 0 of 1 and of 2. */
export const DEFAULT_GUILD_ID: Snowflake = '1250000000000000000';
/** The admin user, in every default guild. */
export const DEFAULT_ADMIN: FakeUser = { id: '1250000000000000101', username: 'editor', globalName: 'Eddie Editor' };
/** The member without Manage Server, in every default guild. */
export const DEFAULT_MEMBER: FakeUser = { id: '1250000000000000102', username: 'reader', globalName: 'Rita Reader' };

const defaults = { id: DEFAULT_GUILD_ID, name: 'Newsdesk Test' };

/** What every member may do: read, write, embed, use slash commands; not Manage Server. */
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot's managed role adds: files for exports. */
const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.AttachFiles;

/**
 * One guild with a text channel `general`, an announcement channel `digest`, an admin and a plain member. Channel and
 * role ids are derived from the guild id, so two default guilds (one per shard) do not collide.
 * @example createDefaultGuild().general.name // => 'general'
 */
export function createDefaultGuild(options: DefaultGuildOptions = {}): DefaultSetup {
  const { id, name } = { ...defaults, ...options };
  const derived = (offset: number): Snowflake => (BigInt(id) + BigInt(offset)).toString();
  const general: FakeChannel = { id: derived(1), name: 'general', type: ChannelType.GuildText };
  const digest: FakeChannel = { id: derived(2), name: 'digest', type: ChannelType.GuildAnnouncement };
  const editorsRole = derived(11);
  const botRole = derived(12);
  const guild: FakeGuild = {
    id,
    name,
    everyonePermissions: EVERYONE_PERMISSIONS,
    roles: [
      { id: editorsRole, name: 'Editors', permissions: PermissionFlagsBits.Administrator },
      { id: botRole, name: 'Newsdesk', permissions: BOT_PERMISSIONS },
    ],
    channels: [general, digest],
    members: [
      { user: DEFAULT_ADMIN, roles: [editorsRole] },
      { user: DEFAULT_MEMBER, roles: [] },
    ],
    botRoles: [botRole],
  };
  return { guild, general, digest, admin: DEFAULT_ADMIN, member: DEFAULT_MEMBER };
}
