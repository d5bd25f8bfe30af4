import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round nine of issue #13: general causes of the wrong speakers found in the dev14 set (reported speech,
// organisations and groups speaking, descriptions resolved to names), each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: one capitalised word after "the"', () => {
  it('reads "The Greens" as a group, so "the prime minister" after it is still the prime minister named before', () => {
    expect(speakers([
      'Ann Cole has said voters are right to worry. The Greens say the plan comes too late.',
      'The prime minister said taxes would be "cut again" next year.',
    ])).toEqual([['cut again', 'Ann Cole']]);
  });

  it('gives no phrase to "The Greens" without words of saying', () => {
    expect(speakers(['The Greens face "a very long road back" after the vote.'])).toEqual([]);
  });
});

describe('extractQuotes: chambers of commerce are organisations', () => {
  it('gives "it said" after "The Leeds Chamber of Commerce welcomed …" to the chamber', () => {
    expect(speakers([
      'The Leeds Chamber of Commerce welcomed the latest proposal. "This is the best of both worlds," it said.',
    ])).toEqual([['This is the best of both worlds', 'Leeds Chamber of Commerce']]);
  });
});

describe('extractQuotes: groups that "they" stands for', () => {
  const reported = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

  it('reads "Officials said", opening a sentence, as a group, so "they said" after it is theirs', () => {
    expect(speakers(['Ann Cole, a farmer, spoke first.', 'Officials said the plans were sound. "We are sure of it," they said.']))
      .toEqual([['We are sure of it', 'Officials']]);
  });

  it('remembers a described group that reports nothing ("Ministers deny …"), so "they say" next is theirs', () => {
    expect(speakers(['The Greens say Labour is late.', 'Ministers deny they have been pushed. Instead, they say the plans are part of an "evolving" process.']))
      .toEqual([['evolving', 'Ministers']]);
  });

  it('gives "they said" to the group the same sentence opens with', () => {
    expect(reported(['Ann Cole, a farmer, spoke first. The Greens say Labour is late.', 'Analysts opposed the plan as they said it would be too costly.']))
      .toEqual([['it would be too costly', 'Analysts']]);
  });

  it('but not an inserted "they said" after the subject: "The suppliers, they said, could …" keeps its speakers apart', () => {
    expect(reported(['Two firms said Acme owed its suppliers money.', 'The suppliers, they said, could force Acme into bankruptcy "at any time."']).map(([, speaker]) => speaker))
      .not.toContain('suppliers');
  });
});

describe('extractQuotes: "the government" after a chamber of commerce', () => {
  it('leaves "…, the government has said" to the government', () => {
    expect(quotes(['The Leeds Chamber of Commerce welcomed the plan.', 'The rules will not change the pension age, the government has said.'])
      .map(({ quote, speaker }) => [quote, speaker])).toEqual([['The rules will not change the pension age', 'government']]);
  });
});

describe('extractQuotes: what someone had said, inside another report', () => {
  it('gives `Ms Reid said the doctors had said they needed it to "…"` to Ms Reid, who reports', () => {
    expect(speakers(['Jane Reid spoke on Monday.', 'Ms Reid said the doctors had said they needed more staff to "keep the wards open".']))
      .toEqual([['keep the wards open', 'Jane Reid']]);
  });

  it('still gives `Ms Reid denied Dr Hale said the plans "stink"` to Dr Hale', () => {
    expect(speakers(['Jane Reid and Tom Hale spoke on Monday.', 'But Ms Reid denied Dr Hale said the plans "stink".']))
      .toEqual([['stink', 'Tom Hale']]);
  });
});

describe('extractQuotes: described by someone as "…"', () => {
  it('gives `plans described by one civil service union as a "…"` to the union, not to the sentence\'s subject', () => {
    expect(speakers(['Gordon Brown spoke first.', 'Mr Brown also announced plans to merge agencies - described by one civil service union as a "bonfire of the quangos".']))
      .toEqual([['bonfire of the quangos', 'civil service union']]);
  });

  it('reads a name after "by": `which was branded by Tory leader Michael Howard as "…"`', () => {
    expect(speakers(['Gordon Brown spoke first.', 'Mr Brown announced the plan, which was branded by Tory leader Michael Howard as "a stealth tax".']))
      .toEqual([['a stealth tax', 'Michael Howard']]);
  });
});

describe('extractQuotes: "the ministry spokesman" after "A Ministry of Finance spokesman"', () => {
  const paragraphs = [
    'A Ministry of Finance spokesman said officials had begun barring fakes.',
    'A spokesman for Acme Japan said the firm had complained.',
    '"They use our trademark," the Acme spokesman said.',
    '"We cannot say how many," the ministry spokesman said.',
  ];

  it('gives the ministry spokesman\'s words to the one the article described with the same words, not to the last spokesman', () => {
    expect(speakers(paragraphs).at(-1)).toEqual(['We cannot say how many', 'Ministry of Finance spokesman']);
  });

  it('leaves a capitalised "the Trafford Centre spokeswoman" as the article names her', () => {
    expect(speakers([
      'A spokesman for the Trafford Centre said sales were up.',
      'The Trafford Centre spokeswoman said cars had arrived early. "We predict the same trend," she added.',
    ])).toEqual([['We predict the same trend', 'Trafford Centre spokeswoman']]);
  });
});
