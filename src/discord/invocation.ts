import type { Reply } from './reply.js';

/**
 * What a command handler sees of one slash command, whether it came from Discord or from the console.
 * `src/discord/adapters.ts` builds it from a discord.js interaction; `src/console` builds it from a typed line.
 * Keeping handlers on this small surface is what lets both paths share every line of logic.
 */
export interface CommandInvocation {
  commandName: string;
  /** The chosen subcommand (`/digest set` → "set"), or null. */
  subcommand: string | null;
  options: CommandOptions;
  user: { id: string; name: string };
  /** Null in DMs and in console mode without a guild. */
  guildId: string | null;
  /** True when the member has Manage Server in this guild (console mode: the operator always does). */
  canManageGuild: boolean;
  /**
   * True when nothing limits how long the first answer may take (console mode): a command then waits for what it
   * needs (e.g. quotations still being indexed) rather than answer that it is not ready. Absent: Discord's 3 s apply.
   */
  patient?: boolean;
  /** Acknowledge now, answer later (Discord allows 3 s for the first answer, 15 min after a deferral). */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Answer: the first call replies (or edits the deferred reply); later calls send follow-ups. */
  reply(reply: Reply): Promise<void>;
}

/** Typed access to a slash command's option values; each returns null when the option was not given. */
export interface CommandOptions {
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
  /** A channel option's id. */
  channel(name: string): string | null;
}

/** A click on one of the bot's buttons. */
export interface ButtonInvocation {
  customId: string;
  user: { id: string; name: string };
  guildId: string | null;
  /** Replace the message the button is on. */
  update(reply: Reply): Promise<void>;
  /** Answer separately (e.g. an ephemeral "this button is not yours"). */
  reply(reply: Reply): Promise<void>;
}

/** A choice offered while a user types an option value. */
export interface Choice {
  name: string;
  value: string;
}

/** An autocomplete request: which option is being typed, what has been typed so far. */
export interface AutocompleteInvocation {
  commandName: string;
  subcommand: string | null;
  focused: { name: string; value: string };
  options: CommandOptions;
  user: { id: string; name: string };
  guildId: string | null;
  /** At most 25 choices; Discord gives no way to defer this, so answer fast. */
  respond(choices: Choice[]): Promise<void>;
}
