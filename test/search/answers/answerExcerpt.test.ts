import { describe, expect, it } from 'vitest';
import { answerExcerpt, type AnswerSpan } from '../../../src/search/answers/index.js';

const span = (sentence: string, text: string): AnswerSpan => ({ type: 'quantity', start: sentence.indexOf(text), end: sentence.indexOf(text) + text.length, text });

describe('answerExcerpt', () => {
  const paragraph = ['Japan is expected to kill nearly one thousand whales this season.', 'Campaigners condemned it.'];
  const following = ['The fleet left port on Friday.', 'It will return in April.'];
  const runnerUp = 'The fleet has a quota of 940 minke whales.';

  it('leads with the answer in bold, then its paragraph and the next ones while they fit', () => {
    expect(answerExcerpt(paragraph, 0, span(paragraph[0]!, 'one thousand'), new Set(), 600, following)).toBe(
      'Japan is expected to kill nearly **one thousand** whales this season. Campaigners condemned it. The fleet left port on Friday. It will return in April.',
    );
  });

  it('shows the runner-up last, behind an ellipsis, after as much of the context as leaves room for it', () => {
    expect(answerExcerpt(paragraph, 0, null, new Set(['whales']), 600, following, runnerUp)).toBe(
      'Japan is expected to kill nearly one thousand **whales** this season. Campaigners condemned it. The fleet left port on Friday. It will return in April. … The fleet has a quota of 940 minke **whales**.',
    );
    expect(answerExcerpt(paragraph, 0, null, new Set(), 160, following, runnerUp)).toBe(`${paragraph.join(' ')} … ${runnerUp}`);
  });

  it('shows the runner-up after the next sentence when the rest of a long paragraph would leave no room for it', () => {
    const long = [paragraph[0]!, 'Campaigners condemned it.', 'Officials said the hunt was legal under a research permit issued last year.', 'Protests were held outside the embassy in London on Tuesday.'];
    expect(answerExcerpt(long, 0, null, new Set(), 200, following, runnerUp)).toBe(`${long[0]} ${long[1]} … ${runnerUp}`);
  });

  it('shows the runner-up in its place, without a gap, when it is the next sentence anyway', () => {
    expect(answerExcerpt(paragraph, 0, null, new Set(), 600, [runnerUp, ...following], runnerUp)).toBe(`${paragraph.join(' ')} ${runnerUp} ${following.join(' ')}`);
  });

  it('leaves the runner-up out when it does not fit', () => {
    expect(answerExcerpt(paragraph, 0, null, new Set(), 120, following, runnerUp)).toBe(paragraph.join(' '));
  });

  it('puts the sentence before first when the answer opens with a pronoun or goes on with a quotation, into room left over', () => {
    const farmer = ['North Devon landowner Giles Bradshaw was put in touch with the group.', 'He had asked whether his dogs could scare off deer.'];
    expect(answerExcerpt(farmer, 1, null, new Set(), 600)).toBe(farmer.join(' '));
    const quoted = ['"We will not be rushed," the minister said. "The talks go on.', 'Nothing is agreed," she added.'];
    expect(answerExcerpt(quoted, 1, null, new Set(), 600)).toBe(quoted.join(' '));
    // The paragraph before gives its last sentence.
    expect(answerExcerpt([farmer[1]!], 0, null, new Set(), 600, [], null, farmer[0]!)).toBe(farmer.join(' '));
    // Not when it would push out the context after the answer.
    expect(answerExcerpt(farmer, 1, null, new Set(), 60, following)).toBe(farmer[1]);
    expect(answerExcerpt(['Giles Bradshaw farms.', 'The dogs scare deer.'], 1, null, new Set(), 600)).toBe('The dogs scare deer.');
  });
});
