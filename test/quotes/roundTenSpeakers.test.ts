import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round ten of issue #13: general causes of the wrong speakers found in the dev15 set (organisations named again by
// a short form, spokespeople of a named organisation, clauses between a subject and its verb), each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: "the company" is the organisation the article talks about most', () => {
  it('counts "Brightwell" alone as a mention of Brightwell Lighting Inc, so a company named once since is not "the company"', () => {
    expect(speakers([
      'Brightwell Lighting Inc said a court had barred the sale of its lamps.',
      'The lamps account for most Brightwell sales. They are made by Brightwell and sold by Harrow Stores Corp.',
      '"We are very disappointed by the decision," the company said.',
    ])).toEqual([['We are very disappointed by the decision', 'Brightwell Lighting Inc']]);
  });
});

describe('extractQuotes: "the <organisation> spokeswoman"', () => {
  it('is whoever speaks for the organisation, not a woman the article named before, and "she" after it is her', () => {
    expect(speakers([
      'Ann Cole opened the shop last year. Tesco said prices would fall.',
      'The Tesco spokeswoman said prices would fall again. "That is very much on the cards," she said.',
    ])).toEqual([['That is very much on the cards', 'Tesco spokeswoman']]);
  });
});

describe('extractQuotes: a kind of company before its name', () => {
  it('gives "US agricultural firm Cargill, which …, has said" to Cargill, not to "US"', () => {
    expect(speakers(['US agricultural firm Cargill, which buys a fifth of the crop, has said it is "temporarily suspending" its purchases.']))
      .toEqual([['temporarily suspending', 'Cargill']]);
  });

  it('but leaves "Ann Cole, chairman of messaging firm Textco, said" to Ann Cole', () => {
    expect(speakers(['Ann Cole, chairman of messaging firm Textco, said operators cap the traffic. "The rate is fairly constant," she said.']))
      .toEqual([['The rate is fairly constant', 'Ann Cole']]);
  });
});

describe('extractQuotes: sentence adverbs before the subject', () => {
  it('reads "Nonetheless investors said" and "But nevertheless investors said" as investors speaking', () => {
    expect(speakers(['Markets fell. Nonetheless investors said they were "quite calm about the outlook".']))
      .toEqual([['quite calm about the outlook', 'investors']]);
    expect(speakers(['Markets fell. But nevertheless investors said they were "quite calm about the outlook".']))
      .toEqual([['quite calm about the outlook', 'investors']]);
  });
});

describe('extractQuotes: a title "of" a place', () => {
  it('gives "the President of Cyprus said" to the person the article introduced as president', () => {
    expect(speakers(['Cypriot President Demetris Christofias has met the envoy. Reports said the ship was held.', 'The President of Cyprus said: "We will search the ship with care."']))
      .toEqual([['We will search the ship with care.', 'Demetris Christofias']]);
    expect(speakers(['Demetris Christofias, the President of Cyprus, has met the envoy.', '"We will search the ship with care," the President of Cyprus said.']))
      .toEqual([['We will search the ship with care', 'Demetris Christofias']]);
  });
});

describe('extractQuotes: a phrase of time or place between a quotation and its inverted verb', () => {
  it('gives `"…" in 2005, said Kurt Karl` to Kurt Karl', () => {
    expect(speakers(['Prices rose. "Overall it looks great and I expect that to be the case" in 2005, said Kurt Karl, economist at Swiss Re.']))
      .toEqual([['Overall it looks great and I expect that to be the case', 'Kurt Karl']]);
  });
});
