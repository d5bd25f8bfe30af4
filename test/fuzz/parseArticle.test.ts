import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleParseError } from '../../src/corpus/ArticleParseError.js';
import { normalizeText } from '../../src/corpus/normalizeText.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import type { Article } from '../../src/corpus/types.js';
import { hostileText, WORDS } from './arbitraries.js';
import { TimeBudget } from './budget.js';

/** Lines that steer the parser into each of its layouts and rules. */
const structuralLine = fc.oneof(
  fc.constantFrom(
    '---', '--- ', '---js', '---json', '---yaml', 'title: A headline', 'title: "unbalanced', 'title: [1, 2', 'date: 2012-02-06',
    'date: 31 Feb 2012', 'date: 2012-13-45T99:99', 'url: https://example.com/x', 'section: World', 'source: Al Jazeera',
    'tags: &a [*a, *a]', 'key: !!js/function "function(){}"', 'title: !!binary aGVsbG8=', '{"title": "json"}',
    'Last Modified: 06 Feb 2012 15:55', 'Last Modified:', 'LAST MODIFIED: garbage', 'Al Jazeera and agencies',
    'Reuters and wires', '# Heading', '## Crosshead', '######', '# #', '![alt text](pic.png)', '![](x)', '*All italic caption*',
    '_under_', '**', '\u00a0Indented caption speaks to someone', '"', '""', '"""', "'", '“', '”', '„', '«', '»', '', ' ', '\t',
  ),
  hostileText(120),
  fc.constantFrom(...WORDS).chain((word) => fc.integer({ min: 1, max: 400 }).map((n) => `${word} `.repeat(n))),
);

/** A file's text: lines of structure, hostile text and repeats, joined by any line ending (or none). */
const fileText = fc.oneof(
  { arbitrary: fc.array(structuralLine, { maxLength: 40 }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r', '\n\n').map((eol) => lines.join(eol))), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => new TextDecoder('latin1').decode(bytes)), weight: 1 },
  { arbitrary: fc.constantFrom('"', "'", '“', '”', '«').chain((mark) => fc.integer({ min: 1, max: 20_000 }).map((n) => mark.repeat(n))), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => `Headline\n\n${'word '.repeat(n)}`), weight: 1 },
);

const ids = fc.constantFrom('a.txt', 'b.md', 'business/c.txt', 'x/y/z.markdown', 'plain');

/** What every parsed article must satisfy, whatever the file held. */
function checkArticle(article: Article, id: string): void {
  expect(article.id).toBe(id);
  expect(['wire', 'markdown', 'plain']).toContain(article.format);
  expect(article.headline.length).toBeGreaterThan(0);
  expect(article.headline.length).toBeLessThanOrEqual(300);
  expect(article.headline).toBe(normalizeText(article.headline));
  expect(article.paragraphs.some((paragraph) => paragraph.kind === 'body')).toBe(true);
  for (const paragraph of article.paragraphs) {
    expect(['body', 'crosshead', 'caption']).toContain(paragraph.kind);
    expect(paragraph.text.length).toBeGreaterThan(0);
    expect(paragraph.text).toBe(normalizeText(paragraph.text));
  }
  for (const value of [article.standfirst, article.section, article.source, article.date, article.url, article.byline, article.credit, article.license]) {
    expect(value === null || typeof value === 'string').toBe(true);
  }
}

describe('parseArticle (fuzz)', () => {
  it('returns a well-formed article or throws ArticleParseError, within 1 s, for any file text', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(ids, fileText, (id, text) => {
        budget.measure(text, () => {
          try {
            checkArticle(parseArticle(id, text), id);
          } catch (error) {
            if (!(error instanceof ArticleParseError)) throw error;
            expect(error.file).toBe(id);
            expect(error.reason.length).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: 2000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('parses a 10 MB file (long lines, many paragraphs) in linear time', () => {
    const paragraph = `${'The army shelled Homs on Monday, "witnesses said". '.repeat(40)}\n\n`;
    const text = `Headline of a huge file\n\n${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`;
    const budget = new TimeBudget(5000);
    const article = budget.measure(text, () => parseArticle('huge.txt', text));
    expect(article.paragraphs.length).toBeGreaterThan(4000);
    expect(budget.within, budget.report).toBe(true);
  });

  // 2 MB is the most loadCorpus ever hands to the parser (larger files are skipped unread); the cost is linear,
  // about 0.6 µs a character on a loaded 2-core machine, so 10 s is ten times that.
  it('parses a 2 MB file without a single line break', () => {
    const text = 'word '.repeat(400_000);
    const budget = new TimeBudget(10_000);
    budget.measure(text, () => expect(() => parseArticle('one-line.txt', text)).toThrow(ArticleParseError));
    expect(budget.within, budget.report).toBe(true);
  });

  // Found by this suite (critical): gray-matter's default engines include `javascript`, which `eval`s the front
  // matter, so a `.md` seed file opening with `---js` ran arbitrary code when the corpus loaded. Now only YAML is read.
  it('never runs JavaScript front matter (---js / ---javascript)', () => {
    const marker = '__newsdeskFuzzFrontMatterRan';
    const scope = globalThis as Record<string, unknown>;
    delete scope[marker];
    for (const language of ['js', 'javascript', 'JS']) {
      try {
        parseArticle('evil.md', `---${language}\n{ title: (globalThis.${marker} = 'ran') }\n---\n\nBody text.\n`);
      } catch (error) {
        if (!(error instanceof ArticleParseError)) throw error;
      }
    }
    expect(scope[marker]).toBeUndefined();
  });
});
