import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/index.js';
import { extractQuotes, sameSpeaker } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const root = path.resolve(import.meta.dirname, '../..');
const seedExpectations = JSON.parse(readFileSync(path.join(root, 'test/fixtures/seed-expectations.json'), 'utf8')) as {
  quotes: { quote: string; speaker: string; role?: string; kind: string }[];
  reported_speech: { speaker: string; claim: string; alias?: string }[];
};
const seed = parseArticle('000_8ea7bffe1f96b296.txt', readFileSync(path.join(root, 'seeds/000_8ea7bffe1f96b296.txt'), 'utf8'));

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
const withoutArticle = (role: string) => role.replace(/^(a|an|the) /iu, '');
const quoted = (article: Parameters<typeof extractQuotes>[0]) =>
  extractQuotes(article).filter((quote) => quote.kind !== 'indirect').map(({ quote, speaker, kind }) => ({ quote, speaker, kind }));

describe('extractQuotes', () => {
  describe('on the seed article', () => {
    const quotes = extractQuotes(seed);
    const direct = quotes.filter((quote) => quote.kind !== 'indirect');

    it('returns exactly the 12 quotations of the fixture, in reading order, with their kinds', () => {
      expect(direct.map((quote) => [words(quote.quote), quote.kind])).toEqual(
        seedExpectations.quotes.map((quote) => [words(quote.quote), quote.kind]),
      );
    });

    it('attributes every quotation to the fixture speaker, by the fullest name in the article', () => {
      expect(direct.map((quote) => quote.speaker)).toEqual(seedExpectations.quotes.map((quote) => quote.speaker));
    });

    it('gives the role from the appositive when the fixture names one', () => {
      seedExpectations.quotes.forEach((expected, index) => {
        if (expected.role) expect(withoutArticle(direct[index]!.role ?? '')).toBe(withoutArticle(expected.role));
      });
    });

    it('reports the reported speech as indirect, with its speaker', () => {
      for (const expected of seedExpectations.reported_speech) {
        const found = quotes.find((quote) => quote.kind === 'indirect' && words(quote.quote).includes(words(expected.claim)));
        expect(found?.speaker, expected.claim).toBeDefined();
        expect(sameSpeaker(found!.speaker!, expected.speaker) || words(found!.speaker!) === words(expected.speaker)).toBe(true);
      }
    });

    it('reads no quotation from the headline, crossheads or captions', () => {
      const bodyIndexes = new Set(seed.paragraphs.flatMap((paragraph, index) => (paragraph.kind === 'body' ? [index] : [])));
      expect(quotes.every((quote) => bodyIndexes.has(quote.paragraphIndex))).toBe(true);
      expect(quotes.some((quote) => /steps up Homs offensive|Non-stop bombing/u.test(quote.quote))).toBe(false);
    });
  });

  it('returns a continued paragraph for the previous speaker across a caption naming someone else', () => {
    const article = makeArticle([
      '"We won because we never stopped running," said coach Dan Reyes.',
      { kind: 'caption', text: 'Captain Leo Park lifts the trophy, watched by Sam Ortiz' },
      '"Nobody gave these boys a chance in August."',
    ]);
    expect(quoted(article).map((quote) => quote.speaker)).toEqual(['Dan Reyes', 'Dan Reyes']);
  });

  it('returns he and she resolved to the last named speaker of that gender', () => {
    const article = makeArticle([
      'Maria Lopez, the mayor of Riverton, defended her budget on Tuesday.',
      '"We have cut waste," she said.',
      'Her rival on the council, Tom Baker, was not convinced.',
      '"The numbers do not add up," he said. "Somebody is hiding a deficit."',
      '"We will publish every figure," Ms Lopez said.',
    ]);
    expect(quoted(article).map((quote) => quote.speaker)).toEqual(['Maria Lopez', 'Tom Baker', 'Tom Baker', 'Maria Lopez']);
  });

  it('returns the quotation for the subject of "said", not for the name after it', () => {
    const article = makeArticle([
      'Alain Juppe said France would act.',
      'He said Nicolas Sarkozy, the French president, "will take steps in the coming days".',
    ]);
    expect(quoted(article)).toEqual([{ quote: 'will take steps in the coming days', speaker: 'Alain Juppe', kind: 'partial' }]);
  });

  it('returns both halves of a quotation split by its attribution', () => {
    const article = makeArticle(['Arjun Patel, a shopkeeper, spoke on Monday.', '"I was not there," Mr Patel said, "and I never met him."']);
    expect(quoted(article)).toEqual([
      { quote: 'I was not there', speaker: 'Arjun Patel', kind: 'direct' },
      { quote: 'and I never met him.', speaker: 'Arjun Patel', kind: 'direct' },
    ]);
  });

  it('returns "according to" speakers for quotations and reported speech, the claim around a partial quotation included', () => {
    const article = makeArticle([
      'The mill will close in March with the loss of 300 jobs, according to Karen Wu, a union official.',
      'The closure is "a betrayal of the whole town", according to Ms Wu.',
    ]);
    const quotes = extractQuotes(article);
    expect(quotes.map(({ speaker, kind }) => [speaker, kind])).toEqual([
      ['Karen Wu', 'indirect'],
      ['Karen Wu', 'partial'],
      ['Karen Wu', 'indirect'],
    ]);
    expect(quotes[2]!.quote).toBe('The closure is "a betrayal of the whole town"');
  });

  it('returns no quotation for titles of works, names and single letters in quotation marks', () => {
    const article = makeArticle([
      'Her new album, "Blue Skies Forever", sold 40,000 copies.',
      'The single "Rain on the Roof" was played, and a song called "Harbour Lights" closed the show.',
      'Investors sold their "B" shares in a so-called "dead cat bounce".',
    ]);
    expect(extractQuotes(article)).toEqual([]);
  });

  it('returns a null speaker when the text names no one, and drops unattributed scare quotes', () => {
    const article = makeArticle(['"It was chaos from start to finish, and nobody came to help us."', 'The "storm of the century" hit the coast.']);
    expect(quoted(article)).toEqual([{ quote: 'It was chaos from start to finish, and nobody came to help us.', speaker: null, kind: 'direct' }]);
  });

  it('returns quotations in single and curly quotation marks', () => {
    const article = makeArticle(['Team captain Leo Park, 19, told reporters: ‘This is the best day of my life.’', "“We'll be back,” said Ann Lee. Ms Lee added: 'We are not done yet.'"]);
    expect(quoted(article).map(({ quote, speaker }) => [quote, speaker])).toEqual([
      ['This is the best day of my life.', 'Leo Park'],
      ["We'll be back", 'Ann Lee'],
      ['We are not done yet.', 'Ann Lee'],
    ]);
  });

  it('returns organisations by their full name when an acronym stands for them', () => {
    const article = makeArticle([
      'The World Health Organization (WHO) said: "Measles cases have doubled."',
      'The WHO called the rise "deeply worrying".',
    ]);
    expect(quoted(article).map((quote) => quote.speaker)).toEqual(['World Health Organization', 'World Health Organization']);
  });

  it('returns the same result every time and never throws, whatever the text', () => {
    const text = fc.stringMatching(/^[A-Za-z "'“”‘’,.:;!?()\-–0-9\n]{0,300}$/u);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (paragraphs) => {
        const article = makeArticle(paragraphs);
        const first = extractQuotes(article);
        expect(extractQuotes(article)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
