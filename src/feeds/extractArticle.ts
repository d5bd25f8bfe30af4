import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToParagraphs, type TextBlock } from './htmlToParagraphs.js';
import { readFeedDate } from './parseFeedDocument.js';

/** What a page says about itself, and its article text. */
export interface ExtractedArticle {
  headline: string | null;
  byline: string | null;
  /** ISO 8601 UTC, or null. */
  published: string | null;
  /** `<link rel=canonical>`, else JSON-LD `url`, else `og:url`; absolute; null when none. */
  canonicalUrl: string | null;
  section: string | null;
  paragraphs: TextBlock[];
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle)$/u;

/** Every object in the page's JSON-LD blocks (top level, arrays and `@graph`). */
function jsonLdObjects(scripts: string[]): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isJson(value)) {
      out.push(value);
      if (Array.isArray(value['@graph'])) value['@graph'].forEach(visit);
    }
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script));
    } catch {
      // A broken JSON-LD block is common; the other metadata still counts.
    }
  }
  return out;
}

function name(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const all = value.map(name).filter((n): n is string => n !== null);
    return all.length > 0 ? all.join(', ') : null;
  }
  return isJson(value) ? name(value.name) : null;
}

function absolute(link: string | null | undefined, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Extracts the article from a page's HTML with Mozilla's Readability on a linkedom DOM (no script runs: linkedom
 * has no script engine), and the page's own metadata: JSON-LD `NewsArticle` first, then OpenGraph / `article:*`
 * meta, then `<link rel=canonical>` for the URL. Returns null when Readability finds no article.
 * @example extractArticle('<html><head><link rel="canonical" href="/a"></head><body><article><p>…long text…</p></article></body></html>', 'https://x.org/a?utm=1')
 * // => { canonicalUrl: 'https://x.org/a', paragraphs: [{ kind: 'body', text: '…long text…' }], … }
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')?.trim() || null;
  const ld = jsonLdObjects([...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '')).find((o) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)),
  );
  const canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl);
  const metadata = {
    headline: name(ld?.headline) ?? meta('og:title'),
    byline: name(ld?.author) ?? meta('author') ?? meta('article:author'),
    published: readFeedDate(typeof ld?.datePublished === 'string' ? ld.datePublished : meta('article:published_time')),
    canonicalUrl: canonical ?? absolute(typeof ld?.url === 'string' ? ld.url : null, pageUrl) ?? absolute(meta('og:url'), pageUrl),
    section: name(ld?.articleSection) ?? meta('article:section'),
  };
  // Readability mutates the document it reads; metadata was taken first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const paragraphs = article?.content ? htmlToParagraphs(article.content) : [];
  if (paragraphs.length === 0) return null;
  return { ...metadata, headline: metadata.headline ?? article?.title ?? null, byline: metadata.byline ?? article?.byline ?? null, paragraphs };
}
