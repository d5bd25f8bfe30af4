import { describe, expect, it } from 'vitest';
import { evaluateSet, loadQuoteFixtures } from '../../scripts/evalQuotes.js';
import { datelineLength } from '../../src/corpus/credits.js';
import { extractQuotes, sameSpeaker, surnameKey } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round sixteen of issue #13 (dev16): general causes of the wrong speakers found in the dev16 set (descriptions of
// heldout2's kinds resolved to names, captions and credits, speakers across paragraphs), each a short made-up case.
const speakers = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('a generation mark after a surname ("Jr.", "Sr") is no surname', () => {
  it('so "Duncan" later in an article is "L.C. Duncan Jr."', () => {
    expect(surnameKey('L.C. Duncan Jr.')).toBe('duncan');
    expect(sameSpeaker('Duncan', 'L.C. Duncan Jr.')).toBe(true);
    expect(sameSpeaker('Mr Duncan', 'Tom Duncan Sr')).toBe(true);
  });

  it('but keeps father and son apart', () => {
    expect(sameSpeaker('Robert Halmi Sr', 'Robert Halmi Jr')).toBe(false);
    expect(sameSpeaker('Jr', 'Robert Halmi Jr')).toBe(false);
  });
});

describe('a description glued before a name is no part of it', () => {
  it('reads "Fellow Lib Dem Jane Roe" as Jane Roe (a party abbreviation is a title like "Liberal Democrat")', () => {
    expect(speakers([
      'Liberal Democrat Tom Vale said the plan was flawed.',
      'Fellow Lib Dem Jane Roe said: "It is clear the plan has failed."',
    ])).toEqual([['It is clear the plan has failed.', 'Jane Roe']]);
  });

  it('reads "BBC Political Correspondent Sam Hale" as Sam Hale (a capitalised role noun ends the description)', () => {
    expect(speakers(['BBC Political Correspondent Sam Hale said: "Ministers are nervous."'])).toEqual([['Ministers are nervous.', 'Sam Hale']]);
  });
});

describe('"the group" after a scene-setting phrase that names another body', () => {
  it('is the group the article introduced, not the body in "In a filing with the …, the group said"', () => {
    expect(speakers([
      'A group of companies controlled by Brookehill Partners Inc told regulators it may back a buyout of Cardis Corp.',
      'In a filing with the Securities and Exchange Commission, the group said it "would likely support" a sale.',
    ])).toEqual([['would likely support', 'Brookehill Partners Inc']]);
  });
});

describe('"the group" or "the company" is the organisation the article has heard from', () => {
  it('not a body called a group by a clause ("…Commission, the group disclosed that"), nor the takeover target named most', () => {
    expect(speakers([
      'A group of companies controlled by Brookehill Partners Inc told regulators it may back a buyout of Cardis Corp.',
      'In a filing with the Securities and Exchange Commission, the group disclosed that it holds a stake in Cardis stock, and said it "would likely support" a sale of Cardis.',
    ])).toEqual([['would likely support', 'Brookehill Partners Inc']]);
  });
});

describe('a paper\'s own dateline (no agency) is never a name', () => {
  it('returns its length: place in capitals, a date holding a figure, a dash', () => {
    expect(datelineLength('SOUTHAMPTON, 12 March - Councillors approved the plan.')).toBe('SOUTHAMPTON, 12 March - '.length);
    expect(datelineLength('DUBLIN — The regulator fined the airline.')).toBe('DUBLIN — '.length);
    expect(datelineLength('BP, the oil giant - which owns the field - said so.')).toBe(0);
    expect(datelineLength('US - China talks resumed.')).toBe(0);
  });

  it('so "the operator" is not the place in capitals that opens the story', () => {
    const found = extractQuotes(makeArticle([
      'SOUTHAMPTON, 12 March - Councillors have approved a plan to bring trams back.',
      'The city\'s largest bus operator, Bluestar, said it would study the plans.',
    ]));
    expect(found.map((quote) => quote.speaker)).not.toContain('SOUTHAMPTON');
  });

  it('reads a long run of capitals in bounded time', () => {
    const started = performance.now();
    datelineLength(`${'A '.repeat(50_000)}, 1${' '.repeat(50_000)}x`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('a negated or emphatic auxiliary between the subject and the verb', () => {
  it('reads "He didn\'t say …" as he, the one named before', () => {
    expect(speakers([
      'General Motors said it would cut jobs. John Smith announced the move on Wednesday.',
      'He didn\'t say where the cuts would fall, but wanted to present details "very soon".',
    ])).toEqual([['very soon', 'John Smith']]);
  });
});

describe('"spoke of" reports words', () => {
  it('gives "X, who spoke of Y\'s \'…\'" to X, not to Y the words are about', () => {
    expect(speakers([
      'Many opposition members welcomed the words of former South African president Nelson Mandela, who yesterday spoke of Zimbabwe\'s "tragic failure of leadership" at a London fundraiser.',
    ])).toEqual([['tragic failure of leadership', 'Nelson Mandela']]);
  });
});

describe('a relative clause after a quotation', () => {
  it('holds no inverted speaker ("\'many\' of the items on which Washington asked" stays the spokesman\'s)', () => {
    expect(speakers([
      'A government spokesman said Seoul would stand firm.',
      'He said South Korea was selecting "many" of 122 items on which Washington recently asked Seoul to lower tariffs.',
    ])).toEqual([['many', 'government spokesman']]);
  });
});

describe('a name of two words the article calls "a … firm"', () => {
  it('is the company "the company" later stands for', () => {
    const found = extractQuotes(makeArticle([
      'Shares in Cairn Energy, a UK oil firm, have closed down 18% after a disappointing drilling update.',
      'The company said tests had shown no significant finds in one of its Indian oil fields.',
    ]));
    expect(found.map(({ quote, speaker }) => [quote, speaker])).toEqual([
      ['tests had shown no significant finds in one of its Indian oil fields', 'Cairn Energy'],
    ]);
  });
});

const dev16 = loadQuoteFixtures().find((set) => set.name === 'dev16')!;
describe('the dev16 development set', () => {
  it.skipIf(dev16.skipped !== null)(`returns at least 98% F1, 96% speaker accuracy and 80% reported-speech recall${dev16.skipped ? ` (${dev16.skipped})` : ''}`, () => {
    // Floors under the figures after issue #13 round eleven (99.3 / 97.0 / 81.8; 99.3 / 89.5 / 81.2 before its rules).
    const result = evaluateSet(dev16, extractQuotes);
    expect(result.quotes.f1).toBeGreaterThanOrEqual(0.98);
    expect(result.quotes.speakerAccuracy).toBeGreaterThanOrEqual(0.96);
    expect(result.reported?.recall).toBeGreaterThanOrEqual(0.8);
  });
});
