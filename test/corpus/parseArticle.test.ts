import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArticleParseError, detectFormat, parseArticle } from '../../src/corpus/index.js';
import type { Article } from '../../src/corpus/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface SeedMetadata {
  section: string;
  headline: string;
  standfirst: string;
  modified: string;
  credit: string;
  body_starts_with: string;
  body_ends_with: string;
  not_in_body: string[];
}
const expectations = JSON.parse(readFileSync(path.join(root, 'test/fixtures/seed-expectations.json'), 'utf8')) as {
  article: string;
  metadata: SeedMetadata;
};
const seedId = path.relative('seeds', expectations.article);
const seedText = readFileSync(path.join(root, expectations.article), 'utf8');
const meta = expectations.metadata;

function bodyText(article: Article): string[] {
  return article.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
}

/** Catches the ArticleParseError `parseArticle` throws, so tests can check its fields. */
function parseError(id: string, text: string): ArticleParseError {
  try {
    parseArticle(id, text);
  } catch (error) {
    if (error instanceof ArticleParseError) return error;
    throw error;
  }
  throw new Error(`expected ${id} to be rejected`);
}

describe('parseArticle', () => {
  describe('wire format (the seed article)', () => {
    const article = parseArticle(seedId, seedText);

    it('detects the wire format from the Last Modified line', () => {
      expect(article.format).toBe('wire');
      expect(article.id).toBe(seedId);
    });

    it('returns every metadata field listed in the seed expectations', () => {
      expect(article.section).toBe(meta.section);
      expect(article.headline).toBe(meta.headline);
      expect(article.standfirst).toBe(meta.standfirst);
      expect(article.date).toBe(meta.modified);
      expect(article.credit).toBe(meta.credit);
    });

    it('returns the source as the credit without its wire tail', () => {
      expect(article.source).toBe(meta.credit.replace(/ and agencies$/, ''));
      expect(article.source).toBe('Al Jazeera');
    });

    it('starts and ends the body where the expectations say', () => {
      const body = bodyText(article);
      expect(body[0]?.startsWith(meta.body_starts_with)).toBe(true);
      expect(body.at(-1)?.endsWith(meta.body_ends_with)).toBe(true);
    });

    it('drops the site chrome after the credit line', () => {
      const everything = article.paragraphs.map((p) => p.text).join('\n');
      for (const phrase of meta.not_in_body) expect(everything).not.toContain(phrase);
      expect(everything).not.toContain(meta.credit);
    });

    it('folds non-breaking spaces and collapses whitespace runs', () => {
      for (const paragraph of article.paragraphs) {
        expect(paragraph.text).not.toMatch(/\u00a0|\s{2,}|^\s|\s$/);
      }
      expect(bodyText(article)[0]).toContain('resolution, aimed at ending the bloodshed in Syria, was blocked');
    });

    it('tags the two crossheads, keeping their quotes, and the video caption', () => {
      const notBody = article.paragraphs.filter((p) => p.kind !== 'body');
      expect(notBody).toEqual([
        { kind: 'crosshead', text: "'Non-stop bombing'" },
        { kind: 'crosshead', text: 'EU sanctions bid' },
        {
          kind: 'caption',
          text: "Al Jazeera's Tony Harris speaks to Danny Abdul Dayem, an activist from the city of Homs",
        },
      ]);
    });

    it('keeps paragraphs in reading order, the caption between the paragraphs around it', () => {
      const texts = article.paragraphs.map((p) => p.text);
      const caption = texts.findIndex((t) => t.startsWith("Al Jazeera's Tony Harris"));
      expect(texts[caption - 1]).toMatch(/^"Europe will again harden sanctions/);
      expect(texts[caption + 1]).toMatch(/^"We will try to increase this international pressure/);
    });

    it('returns the same article for CRLF line endings and a BOM', () => {
      expect(parseArticle(seedId, `\ufeff${seedText.replace(/\n/g, '\r\n')}`)).toEqual(article);
    });
  });

  describe('wire format (hand-made)', () => {
    const wire = (dateline: string, credit = 'Reuters and wires'): string =>
      `Business\nShares fall\nMarkets slid on Monday.\nLast Modified: ${dateline}\n\n` +
      `Shares fell sharply.\n\n${credit}\nFooter link`;

    it('returns date null when the Last Modified date cannot be read', () => {
      const article = parseArticle('w.txt', wire('sometime last week'));
      expect(article.format).toBe('wire');
      expect(article.date).toBeNull();
      expect(article.headline).toBe('Shares fall');
    });

    it('returns date null for an impossible calendar date', () => {
      expect(parseArticle('w.txt', wire('31 Feb 2012 10:00')).date).toBeNull();
    });

    it('reads a date without a time as a plain ISO date', () => {
      expect(parseArticle('w.txt', wire('6 February 2012')).date).toBe('2012-02-06');
    });

    it('recognises other outlet names in the credit line', () => {
      const article = parseArticle('w.txt', wire('06 Feb 2012 15:55', 'Reuters and wires'));
      expect(article.credit).toBe('Reuters and wires');
      expect(article.source).toBe('Reuters');
      expect(article.paragraphs.map((p) => p.text)).toEqual(['Shares fell sharply.']);
    });

    it('keeps every paragraph as body and credit null when there is no credit line', () => {
      const text = 'Shares fall\nLast Modified: 06 Feb 2012 15:55\n\nShares fell.\n\nThey rose later.';
      const article = parseArticle('w.txt', text);
      expect(article.credit).toBeNull();
      expect(article.source).toBeNull();
      expect(article.section).toBeNull();
      expect(article.paragraphs).toHaveLength(2);
    });

    it('throws "no body" when nothing but the header precedes the credit line', () => {
      const text = 'World\nHeadline\nStandfirst.\nLast Modified: 06 Feb 2012 15:55\n\nAP and agencies';
      const error = parseError('w.txt', text);
      expect(error.reason).toBe('no body');
      expect(error.file).toBe('w.txt');
      expect(error.name).toBe('ArticleParseError');
    });

    it('throws when nothing stands above the Last Modified line', () => {
      expect(parseError('w.txt', 'Last Modified: 06 Feb 2012 15:55\n\nBody.').reason).toBe(
        'no headline above the "Last Modified:" line',
      );
    });
  });

  describe('markdown format', () => {
    it('decodes HTML entities left by the conversion from wiki markup, and only well-formed ones', () => {
      // 24 of the shipped Wikinews files carry `&mdash;`, `&ndash;` or `&nbsp;` in their text.
      const article = parseArticle('e.md', '---\ntitle: T\n---\n\nBrave &mdash; bold, AT&T &amp; co&nbsp;&notathing;.\n');
      expect(article.paragraphs).toEqual([{ kind: 'body', text: 'Brave — bold, AT&T & co &notathing;.' }]);
    });

    it('reads a Wikinews article from seeds/wikinews with its front matter', () => {
      const dir = path.join(root, 'seeds/wikinews');
      const name = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0] ?? '';
      const text = readFileSync(path.join(dir, name), 'utf8');
      const article = parseArticle(`wikinews/${name}`, text);
      const title = /^title: "(.*)"$/m.exec(text)?.[1];
      const url = /^url: (.*)$/m.exec(text)?.[1];
      expect(article.format).toBe('markdown');
      expect(article.headline).toBe(title);
      expect(article.url).toBe(url);
      expect(article.date).toBe(name.slice(0, 10));
      expect(article.source).toBe('Wikinews');
      expect(article.license).toBe('CC BY 2.5');
      expect(['Politics and conflicts', 'Economy and business']).toContain(article.section);
      expect(article.section).toBe(/^section: (.*)$/m.exec(text)?.[1]);
      expect(article.tags).toEqual(JSON.parse(/^tags: (.*)$/m.exec(text)?.[1] ?? '[]'));
      expect(article.byline).toBeNull();
      expect(article.paragraphs[0]?.text).toBe(text.split('\n---\n')[1]?.trim().split('\n')[0]);
    });

    it('reads the tags of every Wikinews seed that has them', () => {
      const dir = path.join(root, 'seeds/wikinews');
      const tagged = readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }))
        .filter(({ text }) => /^tags: /m.test(text));
      expect(tagged.length).toBeGreaterThan(100);
      for (const { name, text } of tagged) {
        const article = parseArticle(`wikinews/${name}`, text);
        expect(article.tags).toEqual(JSON.parse(/^tags: (.*)$/m.exec(text)?.[1] ?? '[]'));
        expect(article.tags.length).toBeGreaterThan(0);
      }
    });

    it('turns a YAML date back into an ISO date string', () => {
      const article = parseArticle('d.md', '---\ntitle: T\ndate: 2005-10-14\n---\n\nText.');
      expect(article.date).toBe('2005-10-14');
    });

    it('reads every front-matter field, a crosshead, an image caption and an italic caption', () => {
      const text = readFileSync(path.join(root, 'test/fixtures/corpus/full-front-matter.md'), 'utf8');
      expect(parseArticle('local/full-front-matter.md', text)).toEqual({
        id: 'local/full-front-matter.md',
        headline: 'Harbour reopens after storm',
        standfirst: 'The harbour reopened on Friday, two days after the storm.',
        section: 'Local',
        source: 'Example Gazette',
        date: '2011-03-04T09:30',
        url: 'https://example.org/news/harbour-reopens',
        byline: 'Jane Doe',
        credit: 'Example Gazette and wires',
        license: 'CC BY 4.0',
        // Whitespace normalised; the repeated and the empty tag dropped.
        tags: ['Harbours', 'Storm damage'],
        format: 'markdown',
        paragraphs: [
          { kind: 'body', text: 'The harbour reopened on Friday, officials said.' },
          { kind: 'caption', text: 'Boats back at the quay' },
          { kind: 'crosshead', text: 'Damage assessed' },
          { kind: 'body', text: '"We were lucky," the harbour master said.' },
          { kind: 'caption', text: 'The harbour master speaks to reporters on the quay' },
        ],
      });
    });

    it('takes the headline from a leading # heading when there is no front matter', () => {
      const text = readFileSync(path.join(root, 'test/fixtures/corpus/heading-as-title.md'), 'utf8');
      const article = parseArticle('heading-as-title.md', text);
      expect(article.headline).toBe('Council approves new budget');
      expect(article.date).toBeNull();
      expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'crosshead', 'body']);
    });

    it('returns date null when the front-matter date cannot be read', () => {
      expect(parseArticle('d.md', '---\ntitle: T\ndate: next Tuesday\n---\n\nText.').date).toBeNull();
    });

    it('keeps a list bullet starting with * as body text, not a caption', () => {
      const article = parseArticle('b.md', '---\ntitle: T\n---\n\nCandidates:\n\n*Jim Fannon, a real estate agent.');
      expect(article.paragraphs.at(-1)).toEqual({ kind: 'body', text: '*Jim Fannon, a real estate agent.' });
    });

    it('throws "no headline" without a title or a leading heading', () => {
      expect(parseError('n.md', '---\ndate: 2005-10-14\n---\n\nText.').reason).toBe('no headline');
    });

    it('throws "no body" when the front matter has nothing under it', () => {
      expect(parseError('n.md', '---\ntitle: Only a title\n---\n').reason).toBe('no body');
    });

    it('throws with the YAML error when the front matter is broken', () => {
      expect(parseError('n.md', '---\ntitle: [unclosed\n---\n\nText.').reason).toMatch(/^invalid front matter: /);
    });
  });

  describe('plain format', () => {
    const text = 'Ad sales boost profit\n\nQuarterly profits jumped 76%.\n\nThe firm said sales rose.\n';

    it('reads the headline from line 1 and paragraphs after it', () => {
      const article = parseArticle('business/001.txt', text);
      expect(article.format).toBe('plain');
      expect(article.headline).toBe('Ad sales boost profit');
      expect(bodyText(article)).toEqual(['Quarterly profits jumped 76%.', 'The firm said sales rose.']);
      expect(article.date).toBeNull();
      expect(article.source).toBeNull();
    });

    it('takes the section from the folder holding the file, none at the top level', () => {
      expect(parseArticle('business/001.txt', text).section).toBe('business');
      expect(parseArticle('bbc/sport/002.txt', text).section).toBe('sport');
      expect(parseArticle('001.txt', text).section).toBeNull();
    });

    it('keeps an ALL CAPS headline as printed', () => {
      expect(parseArticle('r.txt', 'BAHIA COCOA REVIEW\n\nRains continued.').headline).toBe('BAHIA COCOA REVIEW');
    });

    it('keeps text run straight after the headline as the first paragraph', () => {
      expect(bodyText(parseArticle('r.txt', 'Headline\nFirst line.\n\nSecond.'))).toEqual(['First line.', 'Second.']);
    });

    it('throws "no body" for a headline alone', () => {
      expect(parseError('one.txt', 'Just a headline\n').reason).toBe('no body');
    });

    it('throws "empty file" for whitespace only, non-breaking spaces included', () => {
      expect(parseError('blank.txt', ' \n\u00a0\n\t\n').reason).toBe('empty file');
    });

    it('throws when the headline is a whole paragraph', () => {
      const reason = parseError('p.txt', `${'word '.repeat(80)}\n\nBody.`).reason;
      expect(reason).toBe('headline is 399 characters long (limit 300): no blank line after it?');
    });
  });
});

describe('detectFormat', () => {
  it('returns markdown for front matter even in a .txt file', () => {
    expect(detectFormat('a.txt', '---\ntitle: T\n---\nText.')).toBe('markdown');
  });

  it('returns wire only when Last Modified is within the first lines', () => {
    const late = 'H\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nLast Modified: 06 Feb 2012 15:55';
    expect(detectFormat('a.txt', late)).toBe('plain');
    expect(detectFormat('a.txt', 'H\nLast Modified: 06 Feb 2012 15:55\n\nBody.')).toBe('wire');
  });
});
