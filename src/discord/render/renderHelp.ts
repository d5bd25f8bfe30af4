import type { Reply } from '../reply.js';

/** The part of a command's registration body that help shows. */
export interface HelpEntry {
  name: string;
  description: string;
  options?: { name: string; description: string; type: number; required?: boolean; options?: HelpEntry['options'] }[];
}

/** Discord's option type for a subcommand. */
const SUBCOMMAND = 1;

function usage(name: string, options: HelpEntry['options'] = []): string {
  const parts = options.map((option) => (option.required ? `${option.name}:<…>` : `[${option.name}:…]`));
  return `\`/${[name, ...parts].join(' ')}\``;
}

/**
 * `/help`: every command with its usage and description, built from the commands' own registration bodies so it
 * never goes stale.
 * @example renderHelp([{ name: 'about', description: 'What the coverage holds' }]).embeds[0].description
 * // => '`/about` — What the coverage holds'
 */
export function renderHelp(entries: readonly HelpEntry[]): Reply {
  const lines: string[] = [];
  for (const entry of entries) {
    const subcommands = (entry.options ?? []).filter((option) => option.type === SUBCOMMAND);
    if (subcommands.length === 0) lines.push(`${usage(entry.name, entry.options)} — ${entry.description}`);
    for (const sub of subcommands) lines.push(`${usage(`${entry.name} ${sub.name}`, sub.options)} — ${sub.description}`);
  }
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'newsdesk — ask the news coverage',
        color: 0x2b6cb0,
        description: lines.join('\n'),
        footer: { text: 'Options in [brackets] are optional. Results show their source; buttons page through more.' },
      },
    ],
    data: { commands: entries.map((entry) => ({ name: entry.name, description: entry.description })) },
  };
}
