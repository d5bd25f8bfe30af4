import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/quotes/findQuoteSpans.js';
import { quoteSentences } from '../../src/quotes/quoteSentences.js';

const contents = (text: string) => findQuoteSpans(text).map((span) => text.slice(span.contentStart, span.contentEnd));

describe('findQuoteSpans', () => {
  it('returns each quotation of a split quote, the last one unclosed when the paragraph ends inside it', () => {
    const text = '"It is horrible," he said. "Rockets are falling.';
    expect(contents(text)).toEqual(['It is horrible,', 'Rockets are falling.']);
    expect(findQuoteSpans(text).map((span) => span.closed)).toEqual([true, false]);
  });

  it('returns two quotations when an opening mark follows a finished sentence inside a quotation', () => {
    // Copy that lost a paragraph break: the first quotation never got its closing mark.
    expect(contents('She said: "We doubled it. "We will extend it." Then she left.')).toEqual(['We doubled it.', 'We will extend it.']);
  });

  it('returns one quotation when another is nested in it mid-sentence', () => {
    expect(contents('He said: "I don\'t like "B" shares because they are unfair."')).toEqual(['I don\'t like "B" shares because they are unfair.']);
  });

  it('returns single-quoted quotations of two words or more, but not apostrophes', () => {
    expect(contents("The Smiths' rock 'n' roll band said 'we are back' and 'no'.")).toEqual(['we are back']);
  });

  it('returns curly quotations', () => {
    expect(contents('“We won,” said Ann. ‘Twice over,’ she added.')).toEqual(['We won,', 'Twice over,']);
  });
});

describe('quoteSentences', () => {
  it('returns sentences without cutting quotations or abbreviations', () => {
    const text = '"Go. Now," said Sen. Tom Harkin of L.F. Rothschild. "Yes."';
    const sentences = quoteSentences(text, findQuoteSpans(text)).map((sentence) => text.slice(sentence.start, sentence.end));
    expect(sentences).toEqual(['"Go. Now," said Sen. Tom Harkin of L.F. Rothschild.', '"Yes."']);
  });
});
