import matter from 'gray-matter';
import { decodeHTMLStrict } from 'entities';
import type { Article, Paragraph } from './types.js';
import { ArticleParseError } from './ArticleParseError.js';
import { classifyParagraph } from './classifyParagraph.js';
import { normalizeText, splitBlocks } from './normalizeText.js';
import { parseDate, yamlDateToIso } from './parseDate.js';

// Linear: a lazy group followed by optional runs (`(.*?)\s*#*\s*$`) backtracks quadratically on a long run of '#'.
const HEADING = /^(#{1,6})\s+(.*)$/;
/** Closing hashes of an ATX heading ("## Title ##"), removed after matching. */
const CLOSING_HASHES = /(?:^|\s)#+$/u;
/** A paragraph that is only an image: its alt text is the caption. */
const IMAGE = /^!\[([^\]]*)\]\([^)]*\)$/;
/** A paragraph wholly in italics (`*…*` or `_…_`, not bold, not a `* ` list bullet) is a caption. */
const ITALIC = /^([*_])(?![*_\s])(.+?)(?<![*_\s])\1$/;

/** The first non-empty string (or number) among the given front-matter keys, whitespace normalised. */
function field(data: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number') {
      const text = normalizeText(String(value));
      if (text !== '') return text;
    }
  }
  return null;
}

/** `tags: [a, b]` (or one string, comma-separated), whitespace normalised, empty and repeated ones dropped. */
function tagsField(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const tags = items.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => normalizeText(String(item)));
  return [...new Set(tags.filter((tag) => tag !== ''))];
}

function dateField(value: unknown): string | null {
  if (value instanceof Date) return yamlDateToIso(value);
  if (typeof value === 'string') return parseDate(value);
  return null;
}

/** Front matter may only be YAML: gray-matter's `javascript` engine would `eval` a `---js` block from a seed file. */
const FRONT_MATTER_LANGUAGE = /^---([^\n]*)/u;
const refuseEngine = (language: string) => ({
  parse: (): never => {
    throw new Error(`${language} front matter is not allowed (only YAML)`);
  },
});

function readFrontMatter(id: string, text: string): { data: Record<string, unknown>; content: string } {
  const language = FRONT_MATTER_LANGUAGE.exec(text)?.[1]?.trim().toLowerCase() ?? '';
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new ArticleParseError(id, `invalid front matter: ${language.slice(0, 20)} front matter is not allowed (only YAML)`);
  }
  try {
    // Passing options turns off gray-matter's cache, which would otherwise keep every file's text in memory.
    const file = matter(text, { excerpt: false, engines: { javascript: refuseEngine('JavaScript'), js: refuseEngine('JavaScript'), coffee: refuseEngine('CoffeeScript') } });
    const data: unknown = file.data;
    const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    return { data: fields, content: file.content };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ArticleParseError(id, `invalid front matter: ${message}`);
  }
}

/**
 * Parses Markdown with optional YAML front matter (`title`, `date`, `url`, `section`, `source`, `byline`,
 * `license`, `standfirst`/`summary`, `credit`). Without a `title`, a leading `# Heading` is the headline.
 * `## Headings` become crossheads; image-only and all-italic paragraphs become captions.
 *
 * @example
 * parseMarkdown('a.md', '---\ntitle: Hello\ndate: 2005-10-14\n---\n\nText.\n\n## More\n\nText.')
 * // => { format: 'markdown', headline: 'Hello', date: '2005-10-14', paragraphs: [
 * //      { kind: 'body', text: 'Text.' }, { kind: 'crosshead', text: 'More' }, { kind: 'body', text: 'Text.' }], ... }
 */
export function parseMarkdown(id: string, text: string): Article {
  const { data, content } = readFrontMatter(id, text);
  let headline = field(data, 'title', 'headline');
  const paragraphs: Paragraph[] = [];

  for (const raw of splitBlocks(content)) {
    // Text converted from HTML or wiki markup keeps entities such as `&mdash;`; strict decoding leaves `AT&T` alone.
    const block = raw.map((line) => decodeHTMLStrict(line));
    const joined = normalizeText(block.join(' '));
    const heading = block.length === 1 ? HEADING.exec(joined) : null;
    if (heading) {
      const title = normalizeText((heading[2] ?? '').trimEnd().replace(CLOSING_HASHES, ''));
      if (title === '') continue;
      if (headline === null && heading[1] === '#' && paragraphs.length === 0) headline = title;
      else paragraphs.push({ kind: 'crosshead', text: title });
      continue;
    }
    const image = IMAGE.exec(joined);
    if (image) {
      const alt = normalizeText(image[1] ?? '');
      if (alt !== '') paragraphs.push({ kind: 'caption', text: alt });
      continue;
    }
    const italic = ITALIC.exec(joined);
    if (italic) {
      paragraphs.push({ kind: 'caption', text: normalizeText(italic[2] ?? '') });
      continue;
    }
    paragraphs.push(classifyParagraph(block));
  }

  return {
    id,
    headline: headline ?? '',
    standfirst: field(data, 'standfirst', 'summary', 'description'),
    section: field(data, 'section', 'category'),
    tags: tagsField(data['tags']),
    source: field(data, 'source'),
    date: dateField(data['date']),
    url: field(data, 'url', 'link'),
    byline: field(data, 'byline', 'author'),
    credit: field(data, 'credit'),
    license: field(data, 'license', 'licence'),
    format: 'markdown',
    paragraphs,
  };
}
