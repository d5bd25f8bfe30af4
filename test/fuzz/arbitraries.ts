import fc from 'fast-check';
import type { Article, Paragraph, ParagraphKind } from '../../src/corpus/types.js';

/**
 * Generators of hostile text shared by the fuzz suites: what people type into Discord and what a newsroom drops
 * into `seeds/`. Each one mixes ordinary words with the characters that break parsers: regex and fuse.js
 * extended-search metacharacters, quotation marks, Markdown, mentions, right-to-left and zero-width characters,
 * emoji and lone surrogates.
 */

/** Characters with a meaning to a regex, to fuse.js extended search, to Markdown or to Discord. */
export const METACHARACTERS = [..."'!^=|$*()[]\\.?+{}<>#@&~`_-:;,/%\"“”‘’„«»…—–"];

/** Whitespace of every kind, including the ones `\s` knows and the zero-width ones it does not. */
export const SPACES = [' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüçñßøÅ'];
const RIGHT_TO_LEFT = [...'שלום עולם مرحبا بالعالم', '\u200f', '\u200e', '\u202e', '\u202b', '\u202c'];
const EMOJI = ['😀', '👍🏽', '🇸🇾', '👨‍👩‍👧', '❤️', '🔥', '\u{1F9D1}\u{200D}\u{1F4BB}'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
const COMBINING = ['\u0301', '\u0308', '\u0327', '\u20dd'];

/** Words news text and questions are made of, so generated text also hits the index and the quote rules. */
export const WORDS = [
  'Homs', 'Syria', 'said', 'told', 'says', 'according', 'to', 'the', 'Mr', 'Juppe', 'Alain', 'minister', 'he', 'she',
  'they', 'army', 'shelling', 'killed', 'injured', 'Bab', 'Amr', 'sanctions', 'moral', 'stain', 'who', 'what',
  'U.S.', 'Dr.', 'Jan.', 'and', 'agencies', 'Last', 'Modified', '@everyone', '@here', '<@123456789012345678>',
  '<@&123456789012345678>', '<#123456789012345678>', 'https://example.com/a(b)', 'javascript:alert(1)', '**bold**',
  '`code`', '||spoiler||', '> quote', '# heading', '---', '[link](https://x.y)', '<t:1700000000:R>',
];

/** One hostile "character": a letter, a metacharacter, any kind of space, RTL, emoji, surrogate or mark. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...LETTERS), weight: 6 },
  { arbitrary: fc.constantFrom(...METACHARACTERS), weight: 3 },
  { arbitrary: fc.constantFrom(...SPACES), weight: 3 },
  { arbitrary: fc.constantFrom(...RIGHT_TO_LEFT), weight: 1 },
  { arbitrary: fc.constantFrom(...EMOJI), weight: 1 },
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 1 },
  { arbitrary: fc.constantFrom(...COMBINING), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);

/** A run of one piece repeated many times: the shape that exposes backtracking and quadratic loops. */
const repeated = (maxRepeat: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...METACHARACTERS, ...SPACES, ...WORDS.map((word) => `${word} `)), fc.string({ maxLength: 4 })),
      fc.integer({ min: 1, max: maxRepeat }),
    )
    .map(([piece, count]) => piece.repeat(count));

/**
 * Hostile text of up to about `maxLength` characters: words, metacharacters, spaces, RTL, emoji, lone surrogates,
 * and runs of repeated pieces.
 */
export function hostileText(maxLength = 200): fc.Arbitrary<string> {
  const pieces = fc.oneof(
    { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
    { arbitrary: hostileChar, weight: 6 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
    { arbitrary: repeated(Math.max(1, Math.floor(maxLength / 4))), weight: 1 },
  );
  return fc.array(pieces, { maxLength: Math.max(1, Math.floor(maxLength / 4)) }).map((parts) => parts.join('').slice(0, maxLength));
}

/** A question as typed: mostly short, sometimes empty, sometimes 6,000 characters. */
export const question: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(80), weight: 6 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
  { arbitrary: fc.constantFrom(...METACHARACTERS).chain((char) => fc.integer({ min: 1, max: 6000 }).map((n) => char.repeat(n))), weight: 1 },
  { arbitrary: hostileText(6000), weight: 1 },
);

const paragraphKind: fc.Arbitrary<ParagraphKind> = fc.constantFrom('body', 'body', 'body', 'crosshead', 'caption');

/** A paragraph with hostile text (not necessarily normalised: renderers must cope with any Article they are given). */
export function paragraph(maxLength = 400): fc.Arbitrary<Paragraph> {
  return fc.record({ kind: paragraphKind, text: hostileText(maxLength) });
}

const nullable = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string | null> => fc.option(arbitrary, { nil: null, freq: 3 });

/** A URL field as a file may give it: a real web URL, a hostile string, or one thousands of characters long. */
export const url: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostileText(60),
  fc.integer({ min: 1, max: 5000 }).map((n) => `https://example.com/${'a'.repeat(n)}`),
);

/** An ISO date, a date-time, or anything a broken file could carry in its date field. */
export const date: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
  hostileText(30),
);

/** An Article with arbitrary headline, url, section and paragraphs: what a renderer or the quote extractor may get. */
export function article(options: { maxParagraphs?: number; maxParagraphLength?: number; maxFieldLength?: number } = {}): fc.Arbitrary<Article> {
  const { maxParagraphs = 6, maxParagraphLength = 400, maxFieldLength = 300 } = options;
  return fc.record({
    id: fc.oneof(hostileText(40), fc.constantFrom('000_8ea7bffe1f96b296.txt', 'wikinews/a.md', 'business/001.txt')),
    headline: fc.oneof(hostileText(maxFieldLength), fc.integer({ min: 1, max: 3000 }).map((n) => 'H'.repeat(n))),
    standfirst: nullable(hostileText(maxFieldLength)),
    section: nullable(hostileText(60)),
    source: nullable(hostileText(60)),
    date: nullable(date),
    url: nullable(url),
    byline: nullable(hostileText(60)),
    credit: nullable(hostileText(60)),
    license: nullable(hostileText(60)),
    tags: fc.array(hostileText(30), { maxLength: 3 }),
    format: fc.constantFrom('wire', 'markdown', 'plain'),
    paragraphs: fc.array(paragraph(maxParagraphLength), { maxLength: maxParagraphs }),
  });
}

/** Shortens a value for a failure message: the head and the length of each long string. */
export function describeInput(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'string' && inner.length > 120 ? `${inner.slice(0, 120)}… (${inner.length} chars)` : inner,
  );
  return (text ?? String(value)).slice(0, 600);
}
