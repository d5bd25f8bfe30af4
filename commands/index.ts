import type { AutocompleteInvocation, ButtonInvocation, CommandInvocation } from '../src/discord/invocation.js';
import type { AppContext } from '../src/context.js';
import type { Config } from '../src/config.js';

/** The shape of a slash command's builder: anything discord.js can turn into a registration body. */
export interface CommandData {
  readonly name: string;
  toJSON(): unknown;
}

/**
 * One slash command: its builder and its handlers. Handlers read options, call the core, render, reply;
 * business logic lives in `src/`.
 */
export interface Command {
  data: CommandData;
  /** The command as registered under `config`, when a setting changes it (e.g. /ask's question length). */
  configure?(config: Config): CommandData;
  /** Subject to the per-user and per-guild cooldown (the router refuses, ephemerally, when it is exceeded). */
  expensive?: boolean;
  execute(invocation: CommandInvocation, ctx: AppContext): Promise<void>;
  /** Answers autocomplete for the command's options. */
  autocomplete?(invocation: AutocompleteInvocation, ctx: AppContext): Promise<void>;
  /** Handles clicks on buttons whose custom id starts with `<command name>:`. */
  button?(invocation: ButtonInvocation, ctx: AppContext): Promise<void>;
}

// The explicit list: every command the bot serves and registers.
import ask from './ask.js';
import quote from './quote.js';
import digest from './digest.js';
import reload from './reload.js';
import about from './about.js';
import help from './help.js';
import feeds from './feeds.js';
import follow from './follow.js';

export const commands: Command[] = [ask, quote, digest, reload, feeds, follow, about, help];

/**
 * What is registered with Discord (and what console mode parses against): every command as `config` shapes it,
 * so an option's limit and the check behind it agree.
 * @example registrationBodies(loadConfig({ ASK_MAX_QUESTION_LENGTH: '500' }))[0] // => { name: 'ask', options: [{ name: 'question', max_length: 500, … }, …], … }
 */
export function registrationBodies(config: Config): unknown[] {
  return commands.map((command) => (command.configure ? command.configure(config) : command.data).toJSON());
}
