import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FeedStateStore } from '../state/liveStateStores.js';
import { decodeBody } from './decodeBody.js';
import { extractArticle, type ExtractedArticle } from './extractArticle.js';
import type { FeedSpec } from './feedConfig.js';
import { FeedFetchError } from './FeedError.js';
import { fetchResource, type FetchOptions } from './fetchResource.js';
import type { HostGate } from './hostGate.js';
import { htmlToParagraphs } from './htmlToParagraphs.js';
import { parseFeedDocument, plainText, type FeedItem } from './parseFeedDocument.js';
import { nextPollAt } from './pollSchedule.js';
import { articlePath, renderArticleFile, writeFileAtomically } from './writeArticleFile.js';

/** What one poll of one feed did; the JSON line of `npm run ingest -- --once --json` is this less `files`. */
export interface PollReport {
  feed: string;
  status: 'ok' | 'not-modified' | 'error' | 'paused';
  new: number;
  updated: number;
  skipped: number;
  error: string | null;
  /** Seeds-relative paths of the files written for new items (announced), in feed order. */
  files: string[];
}

/** What a poll needs; built once by the composition root (or the ingest script). */
export interface PollContext {
  /** Feed health and items: the SQLite state file, or PostgreSQL with DATABASE_URL. */
  store: FeedStateStore;
  seedsDir: string;
  gate: HostGate;
  /** Fetch options without the per-feed validators. */
  fetch: Omit<FetchOptions, 'etag' | 'lastModified'>;
  /** Failures in a row after which a feed is paused. @default 10 */
  maxFailures: number;
  now: () => Date;
  random: () => number;
  /**
   * Extracts the article from a fetched page; the bot passes an {@link ExtractorPool} (a worker thread, off the
   * event loop). @default extractArticle on this thread
   */
  extract?: (html: string, url: string) => Promise<ExtractedArticle | null>;
  /** Told of what an operator should know (a feed paused, a page fell back to feed text). */
  log: (level: 'info' | 'warn', message: string) => void;
}

/** A page with at least this much text counts as the article even when the feed's summary is longer. */
const MIN_PAGE_CHARS = 500;

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Guids that the document gives to more than one different item cannot identify an item. */
function unreliableGuids(items: FeedItem[]): Set<string> {
  const seen = new Map<string, string>();
  const bad = new Set<string>();
  for (const item of items) {
    if (item.guid === null) continue;
    const other = seen.get(item.guid);
    const self = `${item.url ?? ''}|${item.title}`;
    if (other !== undefined && other !== self) bad.add(item.guid);
    seen.set(item.guid, self);
  }
  return bad;
}

async function fullText(item: FeedItem, context: PollContext): Promise<{ page: ExtractedArticle | null; note: string | null }> {
  if (item.url === null) return { page: null, note: 'the item has no link' };
  try {
    const fetched = await context.gate.run(item.url, () => fetchResource(item.url!, { ...context.fetch, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' }));
    const html = decodeBody(fetched.body, fetched.contentType);
    const page = context.extract ? await context.extract(html, fetched.url) : extractArticle(html, fetched.url);
    // Readability returns whatever text a page has; a page holding less than the feed's own text (a paywall
    // stub, a cookie wall) is no article.
    const pageChars = page?.paragraphs.reduce((sum, p) => sum + p.text.length, 0) ?? 0;
    const feedChars = plainText(item.html).length;
    return page === null || pageChars < Math.min(MIN_PAGE_CHARS, feedChars) ? { page: null, note: 'no article found on the page' } : { page, note: null };
  } catch (error) {
    return { page: null, note: `page not fetched: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Where a new item's file goes: the first name no file has, or a file on disk that no stored item names. That one
 * was left by a poll that wrote it and then could not record it (the state database went away in between): it is
 * reused, so the retry does not double the article.
 */
async function newItemPath(outlet: string, date: string, title: string, context: PollContext): Promise<string> {
  // Feeds are polled side by side: a name another item of this process is writing now is taken too.
  let writing = filesBeingWritten.get(context);
  if (!writing) filesBeingWritten.set(context, (writing = new Set()));
  const taken = new Set<string>();
  for (;;) {
    const candidate = articlePath(outlet, date, title, (file) => taken.has(file) || writing.has(file));
    if (!existsSync(path.join(context.seedsDir, ...candidate.split('/'))) || !(await context.store.fileKnown(candidate))) {
      if (writing.has(candidate)) continue;
      writing.add(candidate);
      return candidate;
    }
    taken.add(candidate);
  }
}

/** The new files each poll context is writing and has not recorded yet (see `newItemPath`). */
const filesBeingWritten = new WeakMap<PollContext, Set<string>>();

async function ingestItem(item: FeedItem, guid: string | null, spec: FeedSpec, outlet: string, context: PollContext): Promise<'new' | 'updated' | 'skipped' | string> {
  const itemHash = sha(JSON.stringify([item.title, item.url, item.html, item.published]));
  const contentHash = sha(`${item.title}\n${plainText(item.html)}`);
  const keys = { guid, url: item.url, contentHash: guid === null && item.url === null ? contentHash : null };
  let stored = await context.store.findItem(keys);
  if (stored !== null && stored.itemHash === itemHash) return 'skipped';
  const { page, note } = spec.fullText ? await fullText(item, context) : { page: null, note: null };
  if (note !== null) context.log('info', `${item.url ?? item.title}: using the feed's text (${note})`);
  const canonical = page?.canonicalUrl ?? null;
  if (stored === null && canonical !== null && canonical !== item.url) stored = await context.store.findItem({ guid: null, url: canonical, contentHash: null });
  if (stored !== null && stored.itemHash === itemHash) return 'skipped';
  const paragraphs = page?.paragraphs ?? htmlToParagraphs(item.html);
  const title = item.title || page?.headline || paragraphs[0]?.text.slice(0, 80) || 'Untitled';
  const now = context.now();
  const date = item.published ?? page?.published ?? null;
  const file = stored?.file ?? (await newItemPath(outlet, date ?? now.toISOString(), title, context));
  try {
    const text = renderArticleFile({
      title, date, url: canonical ?? item.url, source: outlet, section: spec.section ?? page?.section ?? item.categories[0] ?? null,
      byline: page?.byline ?? item.author, feed: spec.url, guid, fetched: now.toISOString(), text: page ? 'page' : 'feed', textNote: page ? null : note,
      paragraphs: paragraphs.length > 0 ? paragraphs : [{ kind: 'body', text: title }],
    });
    await writeFileAtomically(context.seedsDir, file, text);
    // With DATABASE_URL the text goes to PostgreSQL too, for every other host's seeds folder (nothing with SQLite).
    await context.store.storeArticle(file, text, now);
    if (stored !== null) {
      // A correction or a new headline: the file is replaced, the item is not announced again.
      await context.store.updateItem(stored.id, { itemHash, contentHash: keys.contentHash, url: canonical ?? item.url, at: now });
      return 'updated';
    }
    await context.store.addItem({ guid, url: canonical ?? item.url, contentHash: keys.contentHash, itemHash, file, feed: spec.url, firstSeen: now.toISOString() });
    if (canonical !== null && item.url !== null && canonical !== item.url) {
      // Known by both its feed link and its canonical URL, so the same article linked differently elsewhere is found.
      await context.store.addItem({ guid: null, url: item.url, contentHash: null, itemHash, file, feed: spec.url, firstSeen: now.toISOString() });
    }
    return file;
  } finally {
    if (stored === null) filesBeingWritten.get(context)?.delete(file);
  }
}

async function failureReport(spec: FeedSpec, error: unknown, context: PollContext): Promise<PollReport> {
  const message = error instanceof Error ? error.message : String(error);
  const now = context.now();
  const before = (await context.store.health(spec.url))?.failures ?? 0;
  const pause = before + 1 >= context.maxFailures;
  await context.store.recordFailure(spec.url, {
    at: now, error: message, pause,
    nextPoll: nextPollAt(now, { everyMinutes: spec.everyMinutes, failures: before + 1, retryAfterMs: error instanceof FeedFetchError ? error.retryAfterMs : null, random: context.random }),
  });
  if (pause) context.log('warn', `feed ${spec.url} paused after ${before + 1} failures in a row: ${message} (/feeds resume or edit its entry to retry)`);
  return { feed: spec.url, status: 'error', new: 0, updated: 0, skipped: 0, error: message, files: [] };
}

/**
 * Polls one feed: conditional GET through the host gate, parse, and each item new or changed written as an
 * article file (full text from its page when `fullText`, else or on failure the feed's text). Records health;
 * pauses the feed after `maxFailures` failures in a row. Never throws for a feed's own faults.
 * @example await pollFeed(spec, context) // => { feed: 'https://…/rss', status: 'ok', new: 3, updated: 0, skipped: 47, error: null, files: [ … ] }
 */
export async function pollFeed(spec: FeedSpec, context: PollContext): Promise<PollReport> {
  const health = await context.store.ensureFeed(spec.url, spec.specHash);
  if (health.pausedReason !== null) return { feed: spec.url, status: 'paused', new: 0, updated: 0, skipped: 0, error: health.pausedReason, files: [] };
  let fetched: Awaited<ReturnType<typeof fetchResource>>;
  let items: FeedItem[];
  let title: string | null;
  try {
    fetched = await context.gate.run(spec.url, () => fetchResource(spec.url, { ...context.fetch, etag: health.etag, lastModified: health.lastModified }));
    if (fetched.status === 304) {
      const now = context.now();
      await context.store.recordSuccess(spec.url, { at: now, nextPoll: nextPollAt(now, { everyMinutes: spec.everyMinutes, failures: 0, retryAfterMs: null, random: context.random }), etag: fetched.etag ?? health.etag, lastModified: fetched.lastModified ?? health.lastModified, newItems: 0 });
      return { feed: spec.url, status: 'not-modified', new: 0, updated: 0, skipped: 0, error: null, files: [] };
    }
    ({ items, title } = parseFeedDocument(decodeBody(fetched.body, fetched.contentType), fetched.url));
  } catch (error) {
    return failureReport(spec, error, context);
  }
  const outlet = spec.name ?? title ?? new URL(spec.url).hostname;
  const unreliable = unreliableGuids(items);
  const report: PollReport = { feed: spec.url, status: 'ok', new: 0, updated: 0, skipped: 0, error: null, files: [] };
  for (const item of items) {
    const guid = item.guid !== null && !unreliable.has(item.guid) ? item.guid : null;
    try {
      const outcome = await ingestItem(item, guid, spec, outlet, context);
      if (outcome === 'updated') report.updated += 1;
      else if (outcome === 'skipped') report.skipped += 1;
      else {
        report.new += 1;
        report.files.push(outcome);
      }
    } catch (error) {
      report.skipped += 1;
      context.log('warn', `${spec.url}: item ${item.url ?? item.title} not written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const now = context.now();
  await context.store.recordSuccess(spec.url, {
    at: now, title, etag: fetched.etag, lastModified: fetched.lastModified, newItems: report.new,
    nextPoll: nextPollAt(now, { everyMinutes: spec.everyMinutes, failures: 0, retryAfterMs: null, random: context.random }),
  });
  return report;
}

/**
 * Polls the given feeds, several at once but one request per host at a time (the gate); reports in input order.
 * @example await pollFeeds(specs, context) // => [{ feed: …, status: 'ok', … }, { feed: …, status: 'not-modified', … }]
 */
export async function pollFeeds(specs: readonly FeedSpec[], context: PollContext, concurrency = 8): Promise<PollReport[]> {
  const reports: PollReport[] = new Array<PollReport>(specs.length);
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const index = next++;
      reports[index] = await pollFeed(specs[index]!, context);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, worker));
  return reports;
}
