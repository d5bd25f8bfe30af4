import type { FeedStatus, PollReport } from '../../feeds/index.js';
import { EMBED_FIELD_COUNT, EMBED_FIELD_VALUE_LENGTH } from '../limits.js';
import { truncate, type Reply } from '../reply.js';
import { texts } from '../texts.js';


const STATE_LABEL: Record<FeedStatus['state'], string> = { ok: '🟢 ok', failing: '🟠 failing', paused: '🔴 paused', new: '⚪ not polled yet' };
const when = (iso: string | null) => (iso === null ? 'never' : `<t:${Math.floor(Date.parse(iso) / 1000)}:R>`);

/**
 * `/feeds status`: one field per feed with its health and next poll (at most 25; the rest counted).
 * @example renderFeedStatus([{ url: 'https://x/rss', name: 'X', state: 'ok', … }]).embeds[0].fields[0].name // => 'X'
 */
export function renderFeedStatus(feeds: readonly FeedStatus[]): Reply {
  if (feeds.length === 0) return { content: texts.feedsNoneConfigured, ephemeral: true, data: { feeds } };
  const shown = feeds.slice(0, EMBED_FIELD_COUNT);
  const fields = shown.map((feed) => {
    const lines = [
      `${STATE_LABEL[feed.state]} · every ${feed.everyMinutes} min · ${feed.itemsSeen} article${feed.itemsSeen === 1 ? '' : 's'}`,
      `<${feed.url}>`,
      `last success ${when(feed.lastSuccess)}${feed.state === 'paused' ? '' : ` · next poll ${feed.nextPoll === null ? 'at the next minute' : when(feed.nextPoll)}`}`,
    ];
    if (feed.pausedReason !== null) lines.push(`paused: ${feed.pausedReason} — \`/feeds resume\` to retry`);
    else if (feed.failures > 0 && feed.lastError !== null) lines.push(`${feed.failures} failure${feed.failures === 1 ? '' : 's'} in a row: ${feed.lastError}`);
    return { name: truncate(feed.name ?? feed.url, 256), value: truncate(lines.join('\n'), EMBED_FIELD_VALUE_LENGTH) };
  });
  return {
    embeds: [{ title: 'Feeds', fields, ...(feeds.length > shown.length ? { footer: { text: texts.feedsMore(feeds.length - shown.length) } } : {}) }],
    ephemeral: true,
    data: { feeds },
  };
}

/**
 * `/feeds poll`: what each feed did.
 * @example renderPollReports([{ feed: 'https://x/rss', status: 'ok', new: 2, … }]).content // => 'Polled 1 feed.\n• ok <https://x/rss>: 2 new, 0 updated, 0 unchanged'
 */
export function renderPollReports(reports: readonly PollReport[]): Reply {
  const lines = reports.slice(0, 20).map((r) => `• ${r.status} <${r.feed}>: ${r.new} new, ${r.updated} updated, ${r.skipped} unchanged${r.error ? ` — ${r.error}` : ''}`);
  if (reports.length > 20) lines.push(texts.feedsMore(reports.length - 20));
  return { content: truncate([texts.feedsPolled(reports.length), ...lines].join('\n'), 2000), ephemeral: true, data: { reports: reports.map(({ files: _files, ...r }) => r) } };
}
