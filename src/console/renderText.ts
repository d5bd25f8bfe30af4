import type { Reply } from '../discord/reply.js';

/** How to print: ANSI bold and dim on a terminal, plain text otherwise. */
export interface TextStyle {
  color: boolean;
  /** The clock, for relative times ("in 3 s"). */
  now: () => number;
}

const BOLD = (text: string) => `\u001b[1m${text}\u001b[22m`;
const DIM = (text: string) => `\u001b[2m${text}\u001b[22m`;

function relative(seconds: number, now: number): string {
  const delta = Math.round(seconds - now / 1000);
  const size = Math.abs(delta);
  const amount = size < 90 ? `${size} s` : size < 5400 ? `${Math.round(size / 60)} min` : size < 129_600 ? `${Math.round(size / 3600)} h` : `${Math.round(size / 86_400)} days`;
  return delta >= 0 ? `in ${amount}` : `${amount} ago`;
}

/**
 * Turns Discord Markdown into terminal text: `**bold**` (ANSI bold on a terminal, kept as `**…**` otherwise),
 * `[label](url)` → `label <url>`, `<t:…>` timestamps → readable times, escapes removed.
 * @example markdownToText('**Homs** \\- [source](https://x.y)', { color: false, now: Date.now }) // => '**Homs** - source <https://x.y>'
 */
export function markdownToText(markdown: string, style: TextStyle): string {
  return markdown
    .replace(/<t:(\d{1,12}):([a-zA-Z])>/gu, (_, seconds: string, format: string) =>
      format === 'R' ? relative(Number(seconds), style.now()) : `${new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    )
    .replace(/\[([^\]\n]{1,200})\]\((https?:[^)\s]{1,500})\)/gu, '$1 <$2>')
    .replace(/\*\*([^*\n]{1,400})\*\*/gu, (_, inner: string) => (style.color ? BOLD(inner) : `**${inner}**`))
    .replace(/\\([\\*_~`|[\]()#>-])/gu, '$1');
}

/**
 * Renders a reply as the text a terminal shows: content, then each embed (title, link, description, fields, footer),
 * then the buttons as `[label]`.
 */
export function renderText(reply: Reply, style: TextStyle): string {
  const text = (markdown: string) => markdownToText(markdown, style);
  const lines: string[] = [];
  if (reply.ephemeral) lines.push(style.color ? DIM('(only you can see this)') : '(only you can see this)');
  if (reply.content) lines.push(text(reply.content));
  for (const embed of reply.embeds ?? []) {
    lines.push('');
    if (embed.title) lines.push(style.color ? BOLD(text(embed.title)) : `== ${text(embed.title)} ==`);
    if (embed.url) lines.push(`<${embed.url}>`);
    if (embed.description) lines.push(text(embed.description));
    for (const field of embed.fields ?? []) lines.push(`${text(field.name)}: ${text(field.value)}`);
    if (embed.footer) lines.push(style.color ? DIM(text(embed.footer.text)) : `-- ${text(embed.footer.text)}`);
  }
  // A disabled button (Back on the first page) cannot be pressed: the console does not offer it.
  const buttons = (reply.components ?? [])
    .flatMap((row) => row.components)
    .filter((component) => 'label' in component && component.label && !('disabled' in component && component.disabled));
  if (buttons.length > 0) {
    const labels = buttons.map((button) => `[${'label' in button ? button.label : ''}]`);
    lines.push('', `${labels.join(' ')}   (type /more or /back)`);
  }
  return lines.join('\n');
}
