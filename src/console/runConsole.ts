import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AutocompleteInvocation, ButtonInvocation, Choice, CommandInvocation, CommandOptions } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { fitReply } from '../discord/reply.js';
import type { Router } from '../discord/router.js';
import { CommandLineError, parseCommandLine, type CommandShape, type ParsedLine } from './parseCommandLine.js';
import { texts } from '../discord/texts.js';
import { renderText } from './renderText.js';

/** The console's own commands, beside the slash commands. */
const CONSOLE_COMMANDS = ['/more', '/back', '/complete', '/quit'] as const;

/** Options of {@link runConsole}. */
export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Print one JSON object per input line instead of text. @default false */
  json?: boolean;
  /** ANSI bold and dim. @default false */
  color?: boolean;
  /** Show a prompt (stdin is a terminal). @default false */
  interactive?: boolean;
  /** Who is typing: console mode acts as one user in one guild, with Manage Server. */
  user?: { id: string; name: string };
  guildId?: string;
  now?: () => number;
}

function optionsFrom(parsed: Pick<ParsedLine, 'values' | 'shape'>): CommandOptions {
  const raw = (name: string) => parsed.values.get(name) ?? null;
  return {
    string: raw,
    integer: (name) => {
      const value = raw(name);
      return value === null || !/^-?\d+$/u.test(value) ? null : Number(value);
    },
    boolean: (name) => {
      const value = raw(name)?.toLowerCase();
      return value === undefined ? null : ['true', 'yes', '1', 'on'].includes(value) ? true : ['false', 'no', '0', 'off'].includes(value) ? false : null;
    },
    channel: (name) => raw(name)?.replace(/^<#(\d+)>$/u, '$1') ?? null,
  };
}

/**
 * Console mode: reads slash commands line by line, runs them through the same router and renderers as Discord, and
 * prints what Discord would show (or, with `json`, one JSON object per non-empty line). Resolves at end of input or
 * on `/quit`. `/more` and `/back` press the paging buttons of the last answer; `/complete <command> option:<typed>`
 * shows what autocomplete would offer.
 */
export async function runConsole(router: Router, commands: readonly CommandShape[], options: ConsoleOptions): Promise<void> {
  const { output, json = false, color = false, interactive = false } = options;
  const user = options.user ?? { id: 'console', name: 'console' };
  const guildId = options.guildId ?? 'console';
  const now = options.now ?? Date.now;
  const style = { color, now };
  let lastButtons: { label: string; customId: string; disabled: boolean }[] = [];

  const print = (replies: Reply[], error?: string) => {
    if (json) {
      const data = error !== undefined ? { error } : Object.assign({}, ...replies.map((reply) => reply.data ?? {}));
      if (Object.keys(data).length === 0) data.text = replies.map((reply) => renderText(reply, { color: false, now })).join('\n\n');
      output.write(`${JSON.stringify(data)}\n`);
    } else {
      output.write(`${error ?? replies.map((reply) => renderText(fitReply(reply), style)).join('\n\n')}\n\n`);
    }
    const buttons = replies.flatMap((reply) => (reply.components ?? []).flatMap((row) => row.components));
    const withIds = buttons.flatMap((button) => ('custom_id' in button && 'label' in button ? [{ label: button.label ?? '', customId: button.custom_id, disabled: button.disabled ?? false }] : []));
    // The buttons of the latest answer are the ones /more and /back press; an error keeps the previous ones.
    if (error === undefined) lastButtons = withIds;
  };

  const runLine = async (line: string) => {
    const replies: Reply[] = [];
    const command = line.trim().split(/\s+/u)[0]!.toLowerCase();
    if (command === '/more' || command === '/back') {
      const button = lastButtons.find((candidate) => candidate.label.toLowerCase().includes(command.slice(1)));
      if (!button || button.disabled) return print([], command === '/more' ? 'No more results to show.' : 'Already at the first page.');
      const invocation: ButtonInvocation = {
        customId: button.customId,
        user,
        guildId,
        update: async (reply) => void replies.push(reply),
        reply: async (reply) => void replies.push(reply),
      };
      await router.button(invocation);
      return print(replies);
    }
    if (command === '/complete') {
      const rest = line.trim().slice('/complete'.length).trim();
      if (rest === '') return print([], texts.consoleCompleteUsage);
      const parsed = parseCommandLine(`/${line.trim().slice('/complete'.length).trim()}`, commands.map((shape) => ({ ...shape, options: (shape.options ?? []).map((option) => ({ ...option, required: false })) })));
      const focusedName = [...parsed.values.keys()].at(-1);
      if (!focusedName) return print([], texts.consoleCompleteUsage);
      let choices: Choice[] = [];
      const invocation: AutocompleteInvocation = {
        commandName: parsed.name,
        subcommand: parsed.subcommand,
        focused: { name: focusedName, value: parsed.values.get(focusedName) ?? '' },
        options: optionsFrom(parsed),
        user,
        guildId,
        respond: async (offered) => void (choices = offered.slice(0, 25)),
      };
      await router.autocomplete(invocation);
      if (json) return void output.write(`${JSON.stringify({ choices })}\n`);
      return void output.write(`${choices.length ? choices.map((choice) => `  ${choice.name}`).join('\n') : '  (no suggestions)'}\n\n`);
    }
    const parsed = parseCommandLine(line, commands);
    const invocation: CommandInvocation = {
      commandName: parsed.name,
      subcommand: parsed.subcommand,
      options: optionsFrom(parsed),
      user,
      guildId,
      canManageGuild: true,
      // A script or an operator at the terminal waits; a complete answer is worth more than a quick "not yet".
      patient: true,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    };
    await router.command(invocation);
    // /help lists the slash commands; the console's own ones are only here.
    if (parsed.name === 'help') replies.push({ content: texts.consoleHelp, data: { consoleCommands: CONSOLE_COMMANDS } });
    print(replies);
  };

  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const prompt = () => interactive && output.write('newsdesk> ');
  prompt();
  for await (const line of lines) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    if (/^\/(quit|exit)\s*$/iu.test(line.trim())) break;
    try {
      await runLine(line);
    } catch (error) {
      // Only parse errors land here: the router answers every command's own failures itself.
      print([], error instanceof CommandLineError ? error.message : 'That line could not be run.');
    }
    prompt();
  }
  lines.close();
}
