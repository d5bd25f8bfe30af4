import {
  ApplicationCommandOptionType,
  type APIApplicationCommand,
  type APIMessage,
  type InteractionType,
  type Snowflake,
} from 'discord-api-types/v10';
import type { FakeChannel, FakeGuild, FakeUser } from './payloads.js';

/** An interaction the fake dispatched, tracked so its callback and webhook routes behave like Discord's. */
export interface TrackedInteraction {
  id: Snowflake;
  token: string;
  type: InteractionType;
  channelId: Snowflake;
  /** The message `@original` refers to: created by the callback, or the clicked message for components. */
  originalMessageId?: Snowflake;
  acknowledged: boolean;
  /** The INTERACTION_CREATE data as dispatched, kept so a test can deliver it again. */
  payload: Record<string, unknown>;
  /** The shard it went to when it had no guild (DMs go to shard 0); `undefined` routes by `guild_id`. */
  shardId: number | undefined;
}

/** Where commands are registered: `'global'` or a guild id. */
export type CommandScope = 'global' | Snowflake;

/** What the fake Discord knows: its guilds, registered commands, messages and interactions. Shared by REST and gateway. */
export class FakeState {
  readonly commands = new Map<CommandScope, APIApplicationCommand[]>();
  readonly messages = new Map<Snowflake, APIMessage>();
  readonly interactions = new Map<string, TrackedInteraction>();
  /** Messages created with `enforce_nonce`, by nonce (Discord keys them by author; the fake has one author). */
  readonly nonces = new Map<string, { messageId: Snowflake; at: number }>();

  constructor(
    readonly token: string,
    readonly applicationId: Snowflake,
    readonly bot: FakeUser,
    readonly guilds: FakeGuild[],
    readonly shardCount: number,
    /** How long a nonce sent with `enforce_nonce` returns its message ("the past few minutes" in Discord's docs). */
    readonly nonceWindowMs = 5 * 60_000,
  ) {}

  /** The guild and channel with this id, if any guild has it. */
  findChannel(channelId: Snowflake): { guild: FakeGuild; channel: FakeChannel } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  /** A guild by id, or a clear error naming the known ones. */
  guild(guildId: Snowflake): FakeGuild {
    const guild = this.guilds.find((g) => g.id === guildId);
    if (!guild) {
      throw new Error(`fake Discord: unknown guild ${guildId}; known: ${this.guilds.map((g) => g.id).join(', ')}`);
    }
    return guild;
  }

  /**
   * Option name → type of the registered command `name` (guild scope first, then global), one level down for a
   * subcommand; empty when the bot registered nothing under that name.
   */
  registeredOptionTypes(name: string, guildId: Snowflake | undefined, subcommand?: string): Map<string, ApplicationCommandOptionType> {
    const scopes = guildId ? [guildId, 'global'] : ['global'];
    const command = scopes.flatMap((scope) => this.commands.get(scope) ?? []).find((c) => c.name === name);
    let options = command?.options ?? [];
    if (subcommand) {
      const sub = options.find((o) => o.name === subcommand && o.type === ApplicationCommandOptionType.Subcommand);
      options = sub && 'options' in sub ? (sub.options ?? []) : [];
    }
    return new Map(options.map((o) => [o.name, o.type]));
  }
}
