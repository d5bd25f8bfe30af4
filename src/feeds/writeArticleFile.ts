import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TextBlock } from './htmlToParagraphs.js';

/** What goes into an article file's front matter and body. */
export interface ArticleFile {
  title: string;
  /** ISO 8601 UTC publication time, or null. */
  date: string | null;
  url: string | null;
  /** The outlet. */
  source: string;
  section: string | null;
  byline: string | null;
  /** The feed it came from. */
  feed: string;
  guid: string | null;
  /** When newsdesk fetched it (ISO). */
  fetched: string;
  /** `page` when the text was extracted from the article's page, `feed` when it is the feed's own content. */
  text: 'page' | 'feed';
  /** Why the page was not used, when `text` is `feed`. */
  textNote: string | null;
  paragraphs: TextBlock[];
}

/** A YAML double-quoted scalar: always a string (dates stay as written), never an alias or a tag. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes (YAML cannot hold them raw).
const quote = (value: string) => JSON.stringify(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/gu, ' '));

/**
 * Folder-safe outlet name and file slug: lowercase ASCII letters, digits and hyphens, at most `max` characters.
 * @example slugify('Café du port réouvre!', 60) // => 'cafe-du-port-reouvre'
 */
export function slugify(text: string, max: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, max)
    .replace(/-+$/u, '');
  return slug === '' ? 'untitled' : slug;
}

/** A paragraph that would read as Markdown syntax (heading, front-matter fence) is escaped to stay text. */
function escapeBlock(text: string): string {
  return /^(#|---|!\[|[*_])/u.test(text) ? `\\${text}` : text;
}

/**
 * Renders the article as Markdown with YAML front matter that `parseMarkdown` reads (title, date, url, source,
 * section, byline) plus the feed's own keys (feed, guid, fetched, text, text_note).
 * @example renderArticleFile({ title: 'A', date: null, url: null, source: 'X', section: null, byline: null, feed: 'https://x/rss', guid: 'g', fetched: '2026-11-30T10:00:00.000Z', text: 'feed', textNote: null, paragraphs: [{ kind: 'body', text: 'B.' }] })
 * // => '---\ntitle: "A"\nsource: "X"\nfeed: "https://x/rss"\nguid: "g"\nfetched: "2026-11-30T10:00:00.000Z"\ntext: "feed"\n---\n\nB.\n'
 */
export function renderArticleFile(article: ArticleFile): string {
  const fields: [string, string | null][] = [
    ['title', article.title], ['date', article.date], ['url', article.url], ['source', article.source], ['section', article.section],
    ['byline', article.byline], ['feed', article.feed], ['guid', article.guid], ['fetched', article.fetched], ['text', article.text], ['text_note', article.textNote],
  ];
  const front = fields.filter(([, value]) => value !== null && value !== '').map(([key, value]) => `${key}: ${quote(value!)}`);
  const body = article.paragraphs.map((p) => (p.kind === 'crosshead' ? `## ${p.text.replace(/\n/gu, ' ')}` : escapeBlock(p.text.replace(/\n/gu, ' '))));
  return `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
}

/** The seeds subfolder that feed articles are written to (an operator's own files live elsewhere). */
export const FEEDS_FOLDER = 'feeds';

/**
 * The file's path relative to the seeds folder: `feeds/<outlet>/<YYYY-MM-DD>-<slug>.md`, with `-2`, `-3` … when
 * `taken` says the name is used by another item.
 * @example articlePath('Harbour Gazette', '2026-11-30T07:15:00.000Z', 'Ferry resumes', () => false) // => 'feeds/harbour-gazette/2026-11-30-ferry-resumes.md'
 */
export function articlePath(outlet: string, date: string | null, title: string, taken: (file: string) => boolean): string {
  const day = (date ?? new Date().toISOString()).slice(0, 10);
  const base = `${FEEDS_FOLDER}/${slugify(outlet, 40)}/${day}-${slugify(title, 60)}`;
  for (let n = 1; ; n += 1) {
    const file = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if (!taken(file)) return file;
  }
}

/**
 * Writes `text` to `seedsDir/file` atomically: a temporary file in the same folder, then a rename, so the watcher
 * and a reader never see half a file.
 * @example await writeFileAtomically('seeds', 'feeds/x/2026-11-30-a.md', '---\n…')
 */
export async function writeFileAtomically(seedsDir: string, file: string, text: string): Promise<void> {
  const target = path.join(seedsDir, ...file.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  // A dot-name with a non-article extension: the corpus loader never reads it even if the rename never happens.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
