import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Digest, DigestItem, DigestQuote } from '../../digest/composeDigest.js';
import type { DigestPost, DigestStatus } from '../../digest/digestTypes.js';
import {
  EMBED_DESCRIPTION_LENGTH,
  EMBED_FIELD_COUNT,
  EMBED_FIELD_NAME_LENGTH,
  EMBED_FIELD_VALUE_LENGTH,
  EMBED_TITLE_LENGTH,
  EMBED_TOTAL_LENGTH,
  EMBEDS_PER_MESSAGE,
  MESSAGE_CONTENT_LENGTH,
} from '../limits.js';
import { isEmbedUrl, truncate, type Reply } from '../reply.js';
import { escapeMarkdown } from '../../search/index.js';
import { plural } from '../texts.js';
import { formatDate, formatInZone, markdownUrl, sourceLink } from './formatArticle.js';

/** Options of `renderDigest`. */
export interface RenderDigestOptions {
  /** The first line of the first message. @default '**Daily digest**' */
  title: string;
  /** Replaces the "N new articles since …" line, e.g. for a preview showing the latest articles instead. */
  heading: string | null;
  /** The zone the window is shown in (the guild's). @default 'UTC' */
  timezone: string;
  /** At most this many messages per digest; past it, the last message says how many articles are not shown. @default 5 */
  maxMessages: number;
  /** Shown when the digest carries nothing (in `post` mode). @default 'No new coverage since the last digest.' */
  emptyNote: string;
}

const defaultRenderDigestOptions: RenderDigestOptions = {
  title: '**Daily digest**',
  heading: null,
  timezone: 'UTC',
  maxMessages: 5,
  emptyNote: 'No new coverage since the last digest.',
};

/** Embed colour of digest sections (Discord blurple) and of the quotes embed. */
const SECTION_COLOUR = 0x5865f2;
const QUOTES_COLOUR = 0xfee75c;

function itemField(item: DigestItem): APIEmbedField {
  const meta = [formatDate(item.date), item.tags.length ? item.tags.join(', ') : null, item.source].filter((part): part is string => Boolean(part)).map(escapeMarkdown);
  meta.push(sourceLink(item.url, item.id));
  const lines = [item.standfirst ? escapeMarkdown(item.standfirst) : null, meta.join(' · ')].filter(Boolean);
  return {
    name: truncate(escapeMarkdown(item.headline), EMBED_FIELD_NAME_LENGTH),
    // Keep the source line whole: cut the standfirst, never the link.
    value:
      lines.join('\n').length <= EMBED_FIELD_VALUE_LENGTH
        ? lines.join('\n')
        : `${truncate(lines[0] ?? '', EMBED_FIELD_VALUE_LENGTH - meta.join(' · ').length - 1)}\n${meta.join(' · ')}`,
  };
}

function quoteLine(quote: DigestQuote): string {
  const who = quote.speaker ? `**${escapeMarkdown(quote.speaker)}**: ` : '';
  const headline = escapeMarkdown(truncate(quote.headline, 80));
  const where = isEmbedUrl(quote.url) ? `[${headline}](${markdownUrl(quote.url)})` : headline;
  return `${who}“${escapeMarkdown(truncate(quote.quote, 300))}” — ${where}`;
}

function fieldLength(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}

/** One embed being filled, and the section it lists (null for the quotes). */
interface DraftEmbed {
  group: string | null;
  embed: APIEmbed;
}

interface Draft {
  embeds: DraftEmbed[];
  chars: number;
  /** How many articles this message lists. */
  articles: number;
}

/** Packs embeds into messages of at most 10 embeds and 6000 embed characters. */
class MessagePacker {
  readonly messages: Draft[] = [{ embeds: [], chars: 0, articles: 0 }];

  private get current(): Draft {
    return this.messages[this.messages.length - 1]!;
  }

  /** Adds an article's field to the last embed when it lists the same section and has room, else to a new embed. */
  addField(group: string, title: string, field: APIEmbedField): void {
    const size = fieldLength(field);
    const last = this.current.embeds[this.current.embeds.length - 1];
    const fields = last?.embed.fields;
    if (last?.group === group && fields && fields.length < EMBED_FIELD_COUNT && this.current.chars + size <= EMBED_TOTAL_LENGTH) {
      fields.push(field);
      this.current.chars += size;
      this.current.articles += 1;
      return;
    }
    const continued = this.messages.some((message) => message.embeds.some((draft) => draft.group === group));
    const embedTitle = truncate(continued ? `${title} (continued)` : title, EMBED_TITLE_LENGTH);
    this.startEmbed(embedTitle.length + size);
    this.current.embeds.push({ group, embed: { title: embedTitle, color: SECTION_COLOUR, fields: [field] } });
    this.current.chars += embedTitle.length + size;
    this.current.articles += 1;
  }

  /** Adds a whole embed (e.g. the quotes). */
  addEmbed(embed: APIEmbed): void {
    const size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    this.startEmbed(size);
    this.current.embeds.push({ group: null, embed });
    this.current.chars += size;
  }

  private startEmbed(size: number): void {
    if (this.current.embeds.length >= EMBEDS_PER_MESSAGE || this.current.chars + size > EMBED_TOTAL_LENGTH) {
      this.messages.push({ embeds: [], chars: 0, articles: 0 });
    }
  }
}

function quotesEmbeds(quotes: readonly DigestQuote[]): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length) embeds.push({ title: embeds.length ? 'Quotes (continued)' : 'Quotes', description: lines.join('\n'), color: QUOTES_COLOUR });
    lines = [];
  };
  for (const quote of quotes) {
    const line = quoteLine(quote);
    if ([...lines, line].join('\n').length > EMBED_DESCRIPTION_LENGTH) flush();
    lines.push(line);
  }
  flush();
  return embeds;
}

/**
 * Renders a digest as messages: a heading, one embed per section (articles as fields: headline, one-line
 * standfirst, date · outlet · link), then the notable quotes. Split across messages of at most 10 embeds and
 * 6000 characters rather than cut; past `maxMessages`, the last message says how many articles are not shown.
 * The first message's `data` carries the digest as machine-readable data.
 * @example renderDigest(digest, { timezone: 'Europe/London' }).length // => 2 (for a digest of 30 articles)
 */
export function renderDigest(digest: Digest, options: Partial<RenderDigestOptions> = {}): Reply[] {
  const resolved = { ...defaultRenderDigestOptions, ...options };
  const data = {
    digest: {
      since: digest.since,
      until: digest.until,
      articleCount: digest.articleCount,
      articleIds: digest.sections.flatMap((section) => section.items.map((item) => item.id)),
      sections: digest.sections.map((section) => ({ name: section.name, count: section.items.length })),
      quotes: digest.quotes,
    },
  };
  const window = digest.since ? ` since ${formatInZone(digest.since, resolved.timezone)} (${resolved.timezone})` : '';
  if (digest.articleCount === 0) {
    return [{ content: truncate(`${resolved.title}\n${resolved.heading ?? resolved.emptyNote}`, MESSAGE_CONTENT_LENGTH), data }];
  }
  const heading =
    resolved.heading ?? `${plural(digest.articleCount, 'new article')}${window}`;

  const packer = new MessagePacker();
  for (const section of digest.sections) {
    for (const item of section.items) packer.addField(section.name, escapeMarkdown(section.name), itemField(item));
  }
  for (const embed of quotesEmbeds(digest.quotes)) packer.addEmbed(embed);

  const drafts = packer.messages.filter((draft) => draft.embeds.length > 0);
  const kept = drafts.slice(0, Math.max(1, resolved.maxMessages));
  const notShown = drafts.slice(kept.length).reduce((sum, draft) => sum + draft.articles, 0);
  const quotesDropped = digest.quotes.length > 0 && !kept.some((draft) => draft.embeds.some((embed) => embed.group === null));

  return kept.map((draft, index) => {
    const lines: string[] = [];
    if (index === 0) lines.push(resolved.title, heading);
    else lines.push(`${resolved.title} (continued, ${index + 1}/${kept.length})`);
    if (index === kept.length - 1 && (notShown > 0 || quotesDropped)) {
      const more = notShown > 0 ? plural(notShown, 'more article') : 'the quotes';
      lines.push(`…and ${more}${notShown > 0 && quotesDropped ? ' and the quotes' : ''} not shown: a digest posts at most ${resolved.maxMessages} messages.`);
    }
    const embeds = draft.embeds.map((entry) => entry.embed);
    const reply: Reply = { content: truncate(lines.join('\n'), MESSAGE_CONTENT_LENGTH), embeds };
    if (index === 0) reply.data = data;
    return reply;
  });
}

/**
 * Renders what the digest service composed, by its mode: the posted digest, the `/digest now` preview, or (nothing
 * new) the latest articles. The one renderer `src/main.ts` gives the digest service.
 * @example renderDigestPost({ mode: 'preview', digest, timezone: 'UTC', maxMessages: 5 })[0]!.content // => '**Digest preview**\n2 new articles …'
 */
export function renderDigestPost(post: DigestPost): Reply[] {
  const { digest, timezone } = post;
  if (post.mode === 'latest') {
    const nothing = digest.since ? `Nothing new since ${formatInZone(digest.since, timezone)} (${timezone}).` : 'Nothing new yet.';
    const count = digest.articleCount;
    const heading = count ? `${nothing} The latest ${plural(count, 'article')} by date:` : `${nothing} The coverage is empty.`;
    return renderDigest(digest, { title: '**Digest preview**', heading, timezone, maxMessages: 1, emptyNote: heading });
  }
  const emptyNote = digest.since ? `No new coverage since ${formatInZone(digest.since, timezone)} (${timezone}).` : 'No new coverage yet.';
  const title = post.mode === 'preview' ? '**Digest preview**' : '**Daily digest**';
  return renderDigest(digest, { title, timezone, maxMessages: post.maxMessages, emptyNote });
}

const RUN_STATUS_TEXT: Record<string, string> = {
  ok: 'posted',
  failed: 'failed (will be retried)',
  'empty-skipped': 'nothing new, skipped',
  missed: 'missed',
  running: 'posting now',
};

function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * `/digest status` (and the answer to `set`/`off`): channel, schedule, next run in the guild's zone, last run and
 * its result, and what the next digest would carry and why other articles are left out.
 * @example renderDigestStatus(status).embeds![0]!.title // => 'Digest'
 */
export function renderDigestStatus(status: DigestStatus, note: string | null = null): Reply {
  const state = status.enabled ? 'on' : status.inactiveReason === 'off' ? 'off' : 'off: no channel chosen (use `/digest set`)';
  const last = status.lastRun;
  const lastText = last
    ? `${RUN_STATUS_TEXT[last.status] ?? last.status}${last.at ? ` <t:${unix(last.at)}:R>` : ''}${last.articles ? ` · ${plural(last.articles, 'article')}` : ''}${last.kind === 'manual' ? ' · posted by hand' : ''}${last.error ? `\n${escapeMarkdown(truncate(last.error, 300))}` : ''}`
    : 'none yet';
  const { excluded } = status.next;
  const reasons = [
    excluded.earlier ? `${excluded.earlier} already in an earlier digest` : null,
    excluded.baseline ? `${excluded.baseline} there before newsdesk kept state (the baseline)` : null,
    excluded.later ? `${excluded.later} arrived after the cut-off` : null,
    excluded.unrecorded ? `${excluded.unrecorded} not yet recorded (just loaded)` : null,
  ].filter((reason): reason is string => reason !== null);
  const nextText = `${plural(status.next.articles, 'new article')}${status.next.since ? ` since <t:${unix(status.next.since)}:f>` : ''}${reasons.length ? `\nNot carried: ${reasons.join('; ')}.` : ''}`;
  return {
    ...(note ? { content: note } : {}),
    ephemeral: true,
    embeds: [
      {
        title: 'Digest',
        color: SECTION_COLOUR,
        fields: [
          { name: 'State', value: state, inline: true },
          { name: 'Channel', value: status.channelId ? `<#${status.channelId}>` : 'none', inline: true },
          { name: 'Schedule', value: `${status.schedule}${status.custom ? '' : ' · the default'}`, inline: true },
          { name: 'Next run', value: status.nextRun ? `${formatInZone(status.nextRun.at, status.timezone)} (${status.timezone}) · <t:${unix(status.nextRun.at)}:R>` : '—' },
          { name: 'Last run', value: lastText },
          { name: 'Next digest would carry', value: truncate(nextText, EMBED_FIELD_VALUE_LENGTH) },
        ],
      },
    ],
    data: { status },
  };
}
