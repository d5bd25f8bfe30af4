import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/index.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: descriptions and titles', () => {
  it('returns the organisation the article introduced for "the security firm" and "the company"', () => {
    expect(speakers([
      'Security firm Sophos warned on Thursday that a scam was spreading.',
      '"Customers are the last line of defence," the security firm said.',
    ])[1]).toEqual(['Customers are the last line of defence', 'Sophos']);
    expect(speakers([
      'Game maker Valve shut down 20,000 accounts, and Valve said the copies were pirated.',
      'The company said: "The hack came from the community."',
    ]).at(-1)).toEqual(['The hack came from the community.', 'Valve']);
  });

  it('returns the person introduced with a role for "the harbour master" and a title alone for "the Prime Minister"', () => {
    expect(speakers([
      'The harbour master of Whitby, Janet Crowe, spoke on Monday.',
      'Tom Hardy, a fisherman, was not convinced.',
      '"I will not wait for a fourth," the harbour master said.',
    ]).at(-1)).toEqual(['I will not wait for a fourth', 'Janet Crowe']);
    expect(speakers([
      'Australian Prime Minister, John Howard, and Labor leader Kevin Rudd met on Sunday.',
      '"It wasn\'t easy," said the Prime Minister.',
      '"Let\'s get the record straight," said the Labor leader.',
    ])).toEqual([["It wasn't easy", 'John Howard'], ["Let's get the record straight", 'Kevin Rudd']]);
  });

  it('returns no speaker rather than a bare title the article never gave a name to', () => {
    expect(speakers(['"We will act," the President said.'])).toEqual([['We will act', null]]);
  });

  it('returns the speaker of a description only when the article introduced them before it', () => {
    // "the comedian" is Corbett, named earlier, not the comedian named in the next sentence.
    expect(speakers([
      'Ronnie Corbett attacked quiz shows. "It\'s just laughing at each other," said the 74-year-old comedian. Victoria Wood slated comedian Sacha Baron Cohen.',
    ])[0]).toEqual(["It's just laughing at each other", 'Ronnie Corbett']);
  });

  it('returns the named people of an article with credits and a dateline, never the photographer or the agency', () => {
    const article = parseArticle('credits.txt', [
      'Harbour master warns of storms', '',
      'AFP Paul Ellis', 'Waves break over the east pier', '',
      'WHITBY (Reuters) - Fisherman Tom Ellis said on Monday that crews had lost a week of work.', '',
      '"Nobody listens until something breaks," Mr Ellis said.',
    ].join('\n'));
    expect(article.paragraphs[0]!.kind).toBe('caption');
    expect(extractQuotes(article).map(({ speaker }) => speaker)).toEqual(['Tom Ellis', 'Tom Ellis']);
  });

  it('returns the full name of an organisation from its acronym across a comma, and from a shorter mention', () => {
    expect(speakers([
      'The State Administration of Radio, Film and Television (SARFT) regulates broadcasting.',
      'The SARFT said: "There is a very strong ideological component to production."',
    ])[0]![1]).toBe('State Administration of Radio, Film and Television');
    expect(extractQuotes(makeArticle([
      'Continental Bank of Canada, a subsidiary of Lloyds Bank PLC, will sell its assets.',
      'Continental Bank said it continues to expect a distribution of 17 dlrs a share.',
    ])).map(({ speaker }) => speaker)).toEqual(['Continental Bank of Canada']);
  });

  it("returns the person behind a country's possessive and a compound title, and the resident rather than the town", () => {
    expect(speakers([
      "Syria's Major-General Amin Suleyman took journalists to the border.",
      '"We have seen nothing from the other side," Gen. Suleyman said.',
    ])[0]![1]).toBe('Amin Suleyman');
    expect(speakers([
      'Joshua Landis lives in Damascus.',
      'One resident of the Syrian town of Abu Kamal said Americans bombed a local house.',
      '"They killed five or six people this month," he said.',
    ]).at(-1)![1]).toBe('resident of the Syrian town of Abu Kamal');
  });
});

describe('extractQuotes: descriptions the article never introduced', () => {
  it('returns the last named speaker for "a statement said" and the last named person for "said the American"', () => {
    expect(speakers([
      'Insurance broker Marsh said on Monday that it would cooperate with regulators.',
      '"The fees were fair," a statement said.',
    ]).at(-1)![1]).toBe('Marsh');
    expect(speakers([
      'Lindsay Davenport reached the final in Melbourne.',
      '"I played well," said the American.',
    ]).at(-1)![1]).toBe('Lindsay Davenport');
  });
});

describe('extractQuotes: a pronoun after a quotation', () => {
  it('returns the speaker named before the quotation for "X said: …, he said", not the previous speaker', () => {
    expect(speakers([
      'A spokesman for Ann Lee said: "We will study the judgment." But Colonel Bob Stewart said : "Anyone at the top will say: \'If there is a case, let us have it out\'," he said.',
    ]).at(-1)).toEqual(["Anyone at the top will say: 'If there is a case, let us have it out'", 'Bob Stewart']);
  });

  it('returns the previous speaker for a pronoun when no one is named before the quotation', () => {
    expect(speakers(['Colonel Bob Stewart spoke on Monday.', '"We will study it," he said.'])).toEqual([['We will study it', 'Bob Stewart']]);
  });
});

describe('extractQuotes: a name that calls itself "it"', () => {
  it('returns the name that spoke of itself as "it" for a later "the company"', () => {
    expect(speakers([
      'Acme Widgets said on Tuesday that it would cut 200 jobs at its plant.',
      'The company said in a statement that no plants would close this year.',
    ])).toEqual([
      ['it would cut 200 jobs at its plant', 'Acme Widgets'],
      ['no plants would close this year', 'Acme Widgets'],
    ]);
  });

  it('returns the person for a later "he" even after "it" was a dummy subject of their claim', () => {
    expect(speakers([
      'John Smith said on Tuesday that it would take years to rebuild the town.',
      '"We are broke," he said.',
    ]).at(-1)).toEqual(['We are broke', 'John Smith']);
  });
});

describe('extractQuotes: a reporting participle in a subordinate clause', () => {
  it('returns the subject of the clause the participle ends, not the subject of the sentence', () => {
    expect(speakers([
      'Border troops were put on alert last week after North Korea issued threats against the south saying it would turn Seoul "into a sea of fire."',
    ])).toEqual([['into a sea of fire.', 'North Korea']]);
  });

  it('returns the subject of the sentence for a participle of the main clause', () => {
    expect(speakers(['Ann Lee left the meeting after the vote, saying "this is not over."'])).toEqual([['this is not over.', 'Ann Lee']]);
  });
});

