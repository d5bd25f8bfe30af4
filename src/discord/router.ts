import type { Command } from '../../commands/index.js';
import type { AppContext } from '../context.js';
import { DigestError } from '../digest/DigestError.js';
import { ScheduleError } from '../digest/ScheduleError.js';
import type { AutocompleteInvocation, ButtonInvocation, CommandInvocation } from './invocation.js';
import { PAGE_PREFIX } from './pageStore.js';
import { texts } from './texts.js';
import { UserError } from './userError.js';
import { StateUnavailableError } from '../state/StateUnavailableError.js';

/**
 * Sends each interaction to its command, with the checks every command shares (cooldowns) and the one error boundary
 * per entry point: a {@link UserError} becomes an ephemeral answer; anything else is logged and answered generically
 * (no stack trace or file path reaches the user). Discord and console mode both route through here.
 */
export class Router {
  readonly #commands: Map<string, Command>;

  constructor(commands: readonly Command[], private readonly ctx: AppContext) {
    this.#commands = new Map(commands.map((command) => [command.data.name, command]));
  }

  /** Runs a slash command. Never throws. */
  async command(invocation: CommandInvocation): Promise<void> {
    const log = this.ctx.log.child({ command: invocation.commandName, sub: invocation.subcommand, user: invocation.user.id, guild: invocation.guildId });
    const started = performance.now();
    try {
      const command = this.#commands.get(invocation.commandName);
      if (!command) throw new UserError(texts.unknownCommand(invocation.commandName));
      if (command.expensive) {
        const decision = this.ctx.limiter.take({ userId: invocation.user.id, guildId: invocation.guildId });
        if (!decision.ok) {
          throw new UserError(decision.scope === 'user' ? texts.rateLimitedUser(decision.retryAt) : texts.rateLimitedGuild(decision.retryAt));
        }
      }
      await command.execute(invocation, this.ctx);
      log.info({ ms: Math.round(performance.now() - started) }, 'command answered');
    } catch (error) {
      await this.#fail(error, log, (message) => invocation.reply({ content: message, ephemeral: true, data: { error: message } }));
    }
  }

  /** Handles a button click: paging buttons here, others by the command named in the custom id. Never throws. */
  async button(invocation: ButtonInvocation): Promise<void> {
    const log = this.ctx.log.child({ button: invocation.customId.slice(0, 40), user: invocation.user.id, guild: invocation.guildId });
    try {
      const [prefix] = invocation.customId.split(':');
      if (prefix === PAGE_PREFIX) {
        const page = this.ctx.pages.turn(invocation.customId, invocation.user.id);
        if (page.ok) return await invocation.update(page.reply);
        throw new UserError(page.reason === 'not-owner' ? texts.pageNotYours : texts.pageExpired);
      }
      const command = prefix ? this.#commands.get(prefix) : undefined;
      if (!command?.button) throw new UserError(texts.pageExpired);
      await command.button(invocation, this.ctx);
    } catch (error) {
      await this.#fail(error, log, (message) => invocation.reply({ content: message, ephemeral: true }));
    }
  }

  /** Answers autocomplete; on any failure answers with no choices (autocomplete cannot show an error). */
  async autocomplete(invocation: AutocompleteInvocation): Promise<void> {
    try {
      const command = this.#commands.get(invocation.commandName);
      if (command?.autocomplete) await command.autocomplete(invocation, this.ctx);
      else await invocation.respond([]);
    } catch (error) {
      this.ctx.log.warn({ err: error, command: invocation.commandName }, 'autocomplete failed');
      await invocation.respond([]).catch(() => undefined);
    }
  }

  async #fail(error: unknown, log: AppContext['log'], answer: (message: string) => Promise<void>): Promise<void> {
    const refusal = userMessage(error);
    // The state database away (PostgreSQL restarting) is passing: say "try again shortly", log it as a warning.
    const message = refusal ?? (error instanceof StateUnavailableError ? texts.stateUnavailable : texts.internalError);
    if (refusal !== null) log.debug({ reason: refusal }, 'refused');
    else if (error instanceof StateUnavailableError) log.warn({ reason: error.reason }, 'state database unavailable');
    else log.error({ err: error }, 'command failed');
    // The interaction may be gone (expired token, deleted channel): nothing more to do than log it.
    await answer(message).catch((replyError: unknown) => log.warn({ err: replyError }, 'could not send the error answer'));
  }
}

/**
 * What the user is told about an error that is theirs to fix, or null when it is ours. The one place domain errors
 * become answers: a bad schedule or time zone (`ScheduleError`), a digest request that cannot be carried out
 * (`DigestError`), and every `UserError`.
 * @example userMessage(new ScheduleError('time "25:00" is not a time of day', '25:00')) // => 'time "25:00" is not a time of day'
 */
export function userMessage(error: unknown): string | null {
  if (error instanceof UserError || error instanceof ScheduleError || error instanceof DigestError) return error.message;
  return null;
}
