import type { APIActionRowComponent, APIEmbed, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import {
  ACTION_ROWS_PER_MESSAGE,
  EMBED_AUTHOR_NAME_LENGTH,
  EMBED_DESCRIPTION_LENGTH,
  EMBED_FIELD_COUNT,
  EMBED_FIELD_NAME_LENGTH,
  EMBED_FIELD_VALUE_LENGTH,
  EMBED_FOOTER_TEXT_LENGTH,
  EMBED_TITLE_LENGTH,
  EMBED_TOTAL_LENGTH,
  EMBEDS_PER_MESSAGE,
  MESSAGE_CONTENT_LENGTH,
} from './limits.js';

/**
 * A message as the renderers build it: plain data, the same for Discord and console mode.
 * `sendable` turns it into what discord.js sends, with mentions disabled and every limit respected.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the person who ran the command sees it. */
  ephemeral?: boolean;
  /**
   * The result as machine-readable data (console `--json` prints it, e.g. `{ results: [...] }`).
   * Never sent to Discord.
   */
  data?: Record<string, unknown>;
}

/** No mention may ever fire: article text can contain `@everyone` or `<@id>`. */
export const NO_MENTIONS = { parse: [] as never[], users: [] as string[], roles: [] as string[], repliedUser: false };

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending with "…" when it was cut, never splitting a surrogate pair.
 * @example truncate('abcdef', 4) // => 'abc…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  // Do not leave half of a surrogate pair (an emoji) before the ellipsis.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, Math.max(0, cut)) + ELLIPSIS;
}

function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Longest URL Discord accepts in an embed. */
const EMBED_URL_LENGTH = 2048;

/**
 * True for a URL Discord accepts as an embed link: http(s), well-formed, at most 2048 characters. Anything else would
 * make Discord reject the whole message.
 * @example isEmbedUrl('javascript:alert(1)') // => false
 */
export function isEmbedUrl(url: string | null | undefined): url is string {
  if (!url || url.length > EMBED_URL_LENGTH || !URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.url !== undefined && !isEmbedUrl(fitted.url)) delete fitted.url;
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, EMBED_TITLE_LENGTH) || '…';
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, EMBED_DESCRIPTION_LENGTH);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, EMBED_FOOTER_TEXT_LENGTH) };
  if (fitted.author) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, EMBED_AUTHOR_NAME_LENGTH) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, EMBED_FIELD_COUNT).map((field) => ({
      ...field,
      // Discord rejects empty field names and values.
      name: truncate(field.name, EMBED_FIELD_NAME_LENGTH) || '\u200b',
      value: truncate(field.value, EMBED_FIELD_VALUE_LENGTH) || '\u200b',
    }));
  }
  return fitted;
}

/** One piece of embed text that counts toward the total, with a way to replace it. */
interface TextSlot {
  text: string;
  set(text: string): void;
}

function textSlots(embeds: APIEmbed[]): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const embed of embeds) {
    if (embed.title !== undefined) slots.push({ text: embed.title, set: (text) => void (embed.title = text || '…') });
    if (embed.description !== undefined) slots.push({ text: embed.description, set: (text) => void (embed.description = text) });
    if (embed.footer) slots.push({ text: embed.footer.text, set: (text) => void (embed.footer = { ...embed.footer, text: text || '…' }) });
    if (embed.author) slots.push({ text: embed.author.name, set: (text) => void (embed.author = { ...embed.author!, name: text || '…' }) });
    (embed.fields ?? []).forEach((field, index) => {
      slots.push({ text: field.name, set: (text) => void (embed.fields![index] = { ...embed.fields![index]!, name: text || '\u200b' }) });
      slots.push({ text: field.value, set: (text) => void (embed.fields![index] = { ...embed.fields![index]!, value: text || '\u200b' }) });
    });
  }
  return slots;
}

/** Shrinks the longest texts of the embeds until the message's embeds total at most `EMBED_TOTAL_LENGTH`. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  let total = embedsLength(embeds);
  while (total > EMBED_TOTAL_LENGTH) {
    // Cut the longest text first: the reader loses the least.
    const longest = textSlots(embeds).reduce<TextSlot | null>((best, slot) => (!best || slot.text.length > best.text.length ? slot : best), null);
    if (!longest || longest.text.length <= 1) break;
    const excess = total - EMBED_TOTAL_LENGTH;
    longest.set(truncate(longest.text, Math.max(1, longest.text.length - Math.max(excess, Math.ceil(longest.text.length / 4)))));
    total = embedsLength(embeds);
  }
  return embeds;
}

/**
 * Returns `reply` cut to Discord's limits (visible "…" where text was cut). Renderers should split long content
 * into several messages themselves; this is the last guard, so that no payload is ever rejected.
 * @example fitReply({ content: 'x'.repeat(2500) }).content!.length // => 2000
 */
export function fitReply(reply: Reply): Reply {
  const fitted: Reply = { ...reply };
  if (fitted.content !== undefined) fitted.content = truncate(fitted.content, MESSAGE_CONTENT_LENGTH);
  if (fitted.embeds) fitted.embeds = fitTotal(fitted.embeds.slice(0, EMBEDS_PER_MESSAGE).map((embed) => fitEmbed(structuredClone(embed))));
  if (fitted.components) fitted.components = fitted.components.slice(0, ACTION_ROWS_PER_MESSAGE);
  return fitted;
}

/** Total characters of a message's embeds as Discord counts them toward the 6000 limit. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}
