import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round six of issue #13: general causes of the wrong speakers found in the dev10 set (Wikinews politics and
// courts, Reuters ministers, BBC politics and business), each written here as a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);
const reported = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a pronoun after a quotation about someone else', () => {
  it('gives "he told the court" after `Mr Vance "…"` to the one the article is about, not to Mr Vance', () => {
    expect(speakers([
      'Former Acme chief Peter Holt has denied claims that he knew of the fraud.',
      'Speaking in court, Mr Holt said he had trusted finance chief John Vance. Mr Vance "made the accounting decisions," he told the court.',
    ])).toEqual([['made the accounting decisions', 'Peter Holt']]);
  });
});

describe('extractQuotes: a description followed by the name it gives', () => {
  it('reads `said the senior Republican on the committee, Senator Ann Webb` as Ann Webb', () => {
    expect(speakers([
      'Critics have said the plan is too costly.',
      '"The bill continues its march leftward," said the senior Republican on the committee, Senator Ann Webb.',
    ])).toEqual([['The bill continues its march leftward', 'Ann Webb']]);
  });
});

describe('extractQuotes: a title the article gave with a name', () => {
  it('resolves "the Treasury Secretary" to Treasury Secretary Tom Hale, not to a title', () => {
    expect(speakers([
      'Treasury Secretary Tom Hale urged the banks to lend more.',
      'Mr Hale spoke to the bankers in Miami. Many of them were sceptical.',
      '"This is a start," the Treasury Secretary said.',
    ])).toEqual([['This is a start', 'Tom Hale']]);
  });
});

describe('extractQuotes: words still to come', () => {
  it('gives a quotation "the 40 year-old is expected to state" to the person named before', () => {
    expect(speakers([
      'Opposition leader Dan Reeve will call for a better understanding of teenagers.',
      '"The hoodie is a response to a problem, not a problem itself," the 40 year-old is expected to state.',
    ])).toEqual([['The hoodie is a response to a problem, not a problem itself', 'Dan Reeve']]);
  });

  it('gives a quotation after "X is quoted as saying" to X', () => {
    expect(speakers(['Andy Lowe, the union president, is quoted as saying, "nothing more than a flimsy cover for union busting."'])).toEqual([
      ['nothing more than a flimsy cover for union busting.', 'Andy Lowe'],
    ]);
  });
});

describe('extractQuotes: a clause between a quotation and its inverted attribution', () => {
  it('reads `Mr Lane "…" once he realised …, said Mr Cole` as Mr Cole\'s words', () => {
    expect(speakers([
      'Prime minister Tom Cole repeated calls for mayor Ken Lane to apologise.',
      'Mr Lane "should have withdrawn the comment immediately" once he realised the reporter was upset, said Mr Cole.',
    ])).toEqual([['should have withdrawn the comment immediately', 'Tom Cole']]);
  });
});

describe('findReportedClaim: "according to" after a connective and before an appositive', () => {
  it('reports the claim after `But according to X, a former MP,` as X\'s', () => {
    expect(reported(['But according to Michael Brook, a former Conservative MP and columnist, traditional voters may not share these beliefs.'])).toEqual([
      ['traditional voters may not share these beliefs', 'Michael Brook'],
    ]);
  });
});

describe('extractQuotes: who "he" stands for after a sentence reporting no claim', () => {
  it('gives "he told the court" to the one who just denied the allegations, not to the witness named before', () => {
    expect(speakers([
      'Former Acme chief Peter Holt has denied fraud.',
      'During his time on the witness stand John Vance told jurors he met frequently with Mr Holt. However during the case on Tuesday Mr Holt denied the allegations. "I was never told of anything wrong," he told the court.',
    ])).toEqual([['I was never told of anything wrong', 'Peter Holt']]);
  });
});

describe('extractQuotes: a body of people', () => {
  it('keeps "the SSP executive" as the speaker, not the person named last', () => {
    expect(speakers([
      'Former SSP leader Tommy Sheridan has announced a new party.',
      'The SSP executive has issued a statement declaring that Sheridan is "on the road to oblivion". The statement continues "Tommy Sheridan has decided to run away from the party."',
    ])).toEqual([
      ['on the road to oblivion', 'SSP executive'],
      ['Tommy Sheridan has decided to run away from the party.', 'SSP executive'],
    ]);
  });
});

describe('extractQuotes: "the company" introduced by an appositive', () => {
  it('resolves "the company" to "Skype, an Internet phone service"', () => {
    expect(speakers([
      'Skype, an Internet phone service, has apologised after an outage.',
      'In a blog post, Skype stated that, "we are sincerely sorry for this disruption."',
      'Bates said he did not know what had caused the outage. "Some of you may have problems signing in, and we are sorry for the disruption," the company wrote on Twitter.',
    ]).at(-1)).toEqual(['Some of you may have problems signing in, and we are sorry for the disruption', 'Skype']);
  });
});

describe('extractQuotes: a description in the lead named further on', () => {
  it('resolves "the courts minister" of the first paragraph to the courts minister the article names next', () => {
    expect(speakers([
      'The "best person for the job" should be appointed lord chancellor, the courts minister has told MPs.',
      '"The post is changing," said courts minister Christopher Leslie.',
    ])).toEqual([
      ['best person for the job', 'Christopher Leslie'],
      ['The post is changing', 'Christopher Leslie'],
    ]);
  });

  it('leaves a description after the lead to someone introduced before it', () => {
    const found = speakers([
      'Judges met on Monday.',
      '"Nothing at all was decided today," the courts minister told MPs.',
      '"The post is changing," said courts minister Christopher Leslie.',
    ]);
    expect(found.map(([quote]) => quote)).toContain('Nothing at all was decided today');
    expect(found).not.toContainEqual(['Nothing at all was decided today', 'Christopher Leslie']);
  });
});

describe('extractQuotes: an office and the people an article gave other roles', () => {
  it('never reads "the prime minister" as the person last named when the article made him "Tory leader"', () => {
    expect(speakers([
      'Tony Blair has promised not to attack Tory leader Michael Howard over his beliefs.',
      'The prime minister told the Jewish Chronicle: "If you look at what I do, I attack him politically."',
    ])).toEqual([['If you look at what I do, I attack him politically.', 'Tony Blair']]);
  });

  it('still reads "the prime minister" as the person last named when no one else fits', () => {
    expect(speakers([
      'Tory leader Michael Howard spoke in Leeds.',
      'The prime minister told the paper: "If you look at what I do, I attack no one personally."',
    ])).toEqual([['If you look at what I do, I attack no one personally.', 'Michael Howard']]);
  });
});

describe('findAttribution: a quotation inside an infinitive', () => {
  it('never reads `pledged to "never, ever" attack Tory leader X` as X speaking', () => {
    expect(speakers(['Tony Blair has pledged to "never, ever, ever" attack Tory leader Michael Howard over his beliefs.'])).toEqual([
      ['never, ever, ever', 'Tony Blair'],
    ]);
  });
});

describe('extractQuotes: the dev11 shapes', () => {
  it('gives `X provided context saying, "…," he said` to X, the subject before the verb', () => {
    expect(speakers([
      'White House spokesman Scott Tate denied the comments.',
      'Mr. Nabil Sha said the president spoke. Mr. Sha provided further context to the statement saying, "It was really a figure of speech," he said.',
    ]).at(-1)).toEqual(['It was really a figure of speech', 'Nabil Sha']);
  });

  it('gives a quotation after "saying" to the subject, not to the owner of an earlier noun', () => {
    expect(speakers([
      'Prime Minister John Hart made a plea.',
      'Opposition leader Kim Bell used Mr Hart\'s comments to attack the government\'s policy saying "The biggest threat to Christmas is this law."',
    ])).toEqual([['The biggest threat to Christmas is this law.', 'Kim Bell']]);
  });

  it('reads "Catholic Archbishop of Brisbane John Bathersby" as John Bathersby, not as a title', () => {
    const [[, speaker]] = speakers(['Catholic Archbishop of Brisbane John Bathersby said "We are a Christian country."']) as [[string, string]];
    expect(speaker).toMatch(/John Bathersby$/u);
  });
});

describe('extractQuotes: a report as speaker', () => {
  it('gives a quotation in `The report also states that … a "serious" claim that the dam will "…"` to the report', () => {
    const found = speakers(['The report also states that the agency has investigated a "serious" claim that the Fort Peck Dam will "be attacked by an explosive device in January."']);
    expect(found).toContainEqual(['be attacked by an explosive device in January.', 'report']);
    expect(found.map(([, speaker]) => speaker)).not.toContain('Fort Peck Dam');
  });
});

describe('extractQuotes: "his wife says"', () => {
  it('resolves "his wife" to the wife the article named ("Khan\'s wife Hendrina")', () => {
    expect(speakers([
      'Khan\'s wife Hendrina has challenged her husband\'s house arrest.',
      'A lawyer will petition for an end to the restriction, which his wife says constitutes an "illegal detention".',
    ])).toEqual([['illegal detention', 'Hendrina']]);
  });

  it('leaves "his wife" a description when the article named no wife', () => {
    const found = speakers(['A lawyer will petition for an end to the restriction, which his wife says constitutes an "illegal detention".']);
    expect(found.map(([, speaker]) => speaker)).not.toContain('Hendrina');
  });
});
