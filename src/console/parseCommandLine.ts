/** One option of a command as registered with Discord (the part the console parser needs). */
export interface OptionShape {
  name: string;
  type: number;
  required?: boolean;
  options?: OptionShape[];
}

/** A command's registration body, as `data.toJSON()` gives it. */
export interface CommandShape {
  name: string;
  options?: OptionShape[];
}

/** A typed console line, parsed. */
export interface ParsedLine {
  name: string;
  subcommand: string | null;
  /** Option values as typed (strings); the invocation converts them by the option's type. */
  values: Map<string, string>;
  shape: OptionShape[];
}

/** A console line that is not a command we can run; the message says why. */
export class CommandLineError extends Error {
  override name = 'CommandLineError';
}

/** Discord's option type for a subcommand. */
const SUBCOMMAND = 1;

/**
 * Parses `/name [subcommand] option:value …` against the registered commands, the way Discord's client fills options:
 * a value runs until the next `known-option:`. A line without `option:` gives its whole text to the first option
 * (`/ask what happened in Homs?`).
 * @example parseCommandLine('/ask question:homs section:Middle East', shapes)
 * // => { name: 'ask', subcommand: null, values: Map { 'question' => 'homs', 'section' => 'Middle East' }, … }
 */
export function parseCommandLine(line: string, commands: readonly CommandShape[]): ParsedLine {
  const text = line.trim();
  if (!text.startsWith('/')) throw new CommandLineError('Commands start with "/", e.g. /ask what happened in Homs? — type /help for the list.');
  const [head = '', ...restWords] = text.slice(1).split(/\s+/u);
  const name = head.toLowerCase();
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new CommandLineError(`There is no command "/${head.slice(0, 40)}". Type /help for the list.`);
  let rest = restWords.join(' ');
  let shape = command.options ?? [];
  let subcommand: string | null = null;
  const subcommands = shape.filter((option) => option.type === SUBCOMMAND);
  if (subcommands.length > 0) {
    const [first = '', ...others] = rest.split(' ');
    const sub = subcommands.find((candidate) => candidate.name === first.toLowerCase());
    if (!sub) throw new CommandLineError(`/${name} needs one of: ${subcommands.map((option) => option.name).join(', ')}.`);
    subcommand = sub.name;
    shape = sub.options ?? [];
    rest = others.join(' ');
  }

  const values = new Map<string, string>();
  const names = shape.map((option) => option.name);
  // Positions of every "known-option:" that starts a word.
  const marks: { name: string; start: number; valueStart: number }[] = [];
  for (const optionName of names) {
    const pattern = new RegExp(`(^|\\s)${optionName}:`, 'giu');
    for (const match of rest.matchAll(pattern)) {
      const start = match.index + match[1]!.length;
      marks.push({ name: optionName, start, valueStart: start + optionName.length + 1 });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  if (marks.length === 0 || rest.slice(0, marks[0]!.start).trim() !== '') {
    const leading = (marks.length === 0 ? rest : rest.slice(0, marks[0]!.start)).trim();
    if (leading !== '') {
      const first = shape[0];
      if (!first) throw new CommandLineError(`/${name}${subcommand ? ` ${subcommand}` : ''} takes no options.`);
      values.set(first.name, leading);
    }
  }
  marks.forEach((mark, index) => {
    const end = index + 1 < marks.length ? marks[index + 1]!.start : rest.length;
    values.set(mark.name, rest.slice(mark.valueStart, end).trim());
  });
  const missing = shape.filter((option) => option.required && !values.has(option.name));
  if (missing.length > 0) throw new CommandLineError(`/${name}${subcommand ? ` ${subcommand}` : ''} needs ${missing.map((option) => `${option.name}:<…>`).join(' ')}.`);
  return { name, subcommand, values, shape };
}
