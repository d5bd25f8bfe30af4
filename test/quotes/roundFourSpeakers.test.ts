import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/quotes/findQuoteSpans.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a quotation inside a quotation', () => {
  it('keeps a double-quoted quotation inside a single-quoted one as part of it, for the outer speaker', () => {
    expect(speakers(['Tom Jones said: \'The minister told me "we will not pay" and left.\''])).toEqual([
      ['The minister told me "we will not pay" and left.', 'Tom Jones'],
    ]);
    // Closed right after the inner quotation, and with two inner quotations.
    expect(findQuoteSpans('Tom said: \'she told me "no" and "never"\' today.').map((s) => s.mark)).toEqual(['single']);
  });

  it('keeps the double-quoted quotations when the single mark never closes (an apostrophe)', () => {
    expect(speakers(['Tom Jones said \'tis true: "we will not pay".'])).toEqual([['we will not pay', 'Tom Jones']]);
  });
});

describe('extractQuotes: Irish surnames written apart from their prefix', () => {
  it('reads "O\' Neill" as one surname, so the name before the appositive is the speaker', () => {
    expect(speakers(['Rory O\' Neill, editor of union-backed Hazards magazine, which conducted the research, said: "It is a win."'])).toEqual([
      ['It is a win.', "Rory O' Neill"],
    ]);
  });
});

describe('extractQuotes: an organisation named after what kind of organisation it is', () => {
  it('lets "it" and "they" stand for a name after "group" or "company", with an ampersand in it', () => {
    expect(speakers(['The company Acme said "we reported problems." It said "the ventilation is poor."'])).toEqual([
      ['we reported problems.', 'Acme'],
      ['the ventilation is poor.', 'Acme'],
    ]);
    expect(speakers([
      'Labor rights group Students & Scholars Against Corporate Misbehavior said they reported dust problems in March.',
      'After the explosion, they commented that workers were complaining "the ventilation of the department is poor."',
    ])).toEqual([['the ventilation of the department is poor.', 'Students & Scholars Against Corporate Misbehavior']]);
  });

  it('keeps a person who leads an organisation a person ("leader of the Liberal party")', () => {
    expect(speakers(['Peter Debnam, leader of the Liberal party, conceded defeat. He said voters gave Labor "one last chance".'])).toEqual([
      ['one last chance', 'Peter Debnam'],
    ]);
  });
});

describe('extractQuotes: a reflexive pronoun after a quotation', () => {
  it('never takes "himself" for an inverted speaker (`giving only "brief" answers himself`)', () => {
    expect(speakers(['Cynthia Cooper testified.', 'Ms Cooper said Mr Ebbers gave only "brief" answers himself.'])).toEqual([['brief', 'Cynthia Cooper']]);
    // A name after the verb still is one.
    expect(speakers(['"We will go" replies Ann Lee.'])).toEqual([['We will go', 'Ann Lee']]);
  });
});

describe('extractQuotes: a name\'s web site speaks for it', () => {
  it('returns the owner of "the X web site" or "the X website"', () => {
    expect(speakers(['A statement on the Turkish Foreign Ministry web site said the resolution "will endanger relations with an ally."'])).toEqual([
      ['will endanger relations with an ally.', 'Turkish Foreign Ministry'],
    ]);
    expect(speakers(['The Acme website said that "prices will rise sharply."'])).toEqual([['prices will rise sharply.', 'Acme']]);
  });
});

describe('extractQuotes: a verb\'s bare form after "a" is a noun', () => {
  it('never takes the words before "a major recall" for a speaker', () => {
    const [found] = speakers(['Regulators said the company failed to notify officials in "a timely way" about flaws that led to a major recall.']);
    expect(found?.[1]).not.toBe('major');
    // "a spokesman said", "a spokesman would say" keep their speaker.
    expect(speakers(['"We will go," a spokesman would say.'])).toEqual([['We will go', 'spokesman']]);
  });
});

describe('extractQuotes: a short introduction without its comma', () => {
  it('reads the subject after "On Thursday" up to "the" ("On Thursday the Turkish government released a statement saying …")', () => {
    expect(speakers(['On Thursday the Turkish government released a statement saying that "It is unacceptable that the nation is accused."'])).toEqual([
      ['It is unacceptable that the nation is accused.', 'Turkish government'],
    ]);
  });
});
