import type { AlertPost } from '../../alerts/index.js';
import { escapeMarkdown } from '../../search/index.js';
import type { Follow } from '../../state/followStore.js';
import { EMBED_DESCRIPTION_LENGTH, EMBED_FIELD_COUNT } from '../limits.js';
import { isEmbedUrl, truncate, type Reply } from '../reply.js';
import { sourceLine } from './formatArticle.js';
import { texts } from '../texts.js';


/** Longest topic accepted. */
export const TOPIC_MAX_LENGTH = 100;

/** A burst lists at most this many headlines; the rest are counted. */
const BURST_LISTED = 20;

function headline(post: AlertPost['articles'][number]): string {
  const title = escapeMarkdown(post.headline);
  return isEmbedUrl(post.url) ? `[${title}](${post.url.replace(/[()\s]/gu, encodeURIComponent)})` : title;
}

/**
 * An alert as one message: one article as an embed with its opening, or a burst as one summary listing the
 * headlines (never one message per article).
 * @example renderAlert({ follow, articles: [a], missing: [] })[0].content // => 'New on **ferry**:'
 */
export function renderAlert(post: AlertPost): Reply[] {
  const { follow, articles, missing } = post;
  const note = missing.length > 0 ? `\n${texts.followRemovedArticles(missing.length)}` : '';
  if (articles.length === 1) {
    const article = articles[0]!;
    const opening = article.standfirst ?? article.paragraphs.find((p) => p.kind === 'body')?.text ?? '';
    return [{
      content: texts.followAlertOne(follow.topic) + note,
      embeds: [{ title: truncate(article.headline, 256), ...(isEmbedUrl(article.url) ? { url: article.url } : {}), description: truncate(`${escapeMarkdown(opening)}\n\n${sourceLine(article)}`, EMBED_DESCRIPTION_LENGTH) }],
    }];
  }
  const lines = articles.slice(0, BURST_LISTED).map((a) => `• ${headline(a)} — ${escapeMarkdown(a.source ?? '')}`);
  if (articles.length > BURST_LISTED) lines.push(`… and ${articles.length - BURST_LISTED} more (in the coverage: \`/ask\`).`);
  return [{ content: texts.followAlertBurst(follow.topic, articles.length + missing.length) + note, embeds: articles.length ? [{ description: truncate(lines.join('\n'), EMBED_DESCRIPTION_LENGTH) }] : [] }];
}

/**
 * `/follow list`: each follow with its channel, unposted matches and last delivery error.
 * @example renderFollowList([follow]).embeds[0].fields[0].name // => '#1 ferry'
 */
export function renderFollowList(follows: readonly Follow[]): Reply {
  if (follows.length === 0) return { content: texts.followNone, ephemeral: true, data: { follows } };
  const fields = follows.slice(0, EMBED_FIELD_COUNT).map((f) => ({
    name: truncate(`#${f.id} ${f.topic}`, 256),
    value: truncate(
      [`in <#${f.channelId}>${f.pending ? ` · ${f.pending} waiting to be posted` : ''}`, f.lastError ? `⚠️ last post failed: ${f.lastError} (retried)` : null].filter(Boolean).join('\n'),
      1024,
    ),
  }));
  return { embeds: [{ title: 'Followed topics', fields }], ephemeral: true, data: { follows } };
}
