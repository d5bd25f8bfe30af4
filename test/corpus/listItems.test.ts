import { describe, expect, it } from 'vitest';
import { blockParagraphs } from '../../src/corpus/classifyParagraph.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';

/** A BBC-style file: a list announced by a colon, its " - " items on lines of their own in one block. */
const BBC_LIST = [
  'Scots smoking ban details set out',
  '',
  'The legislation will be introduced before Christmas. Main points of the plan:',
  '',
  '',
  ' - A comprehensive ban on smoking in all enclosed public places ',
  ' - Licensees who fail to enforce the law will face fines up to a maximum of £2,500 ',
  ' - Individuals who persistently break the law will face a maximum fine of £1,000. ',
  ' ',
  '',
  '"There are national habits which hold us back - the time has come," he declared.',
].join('\n');

describe('bulleted lists in plain files', () => {
  it('keeps each " - " item of a list as a body paragraph of its own, bullet dropped', () => {
    const article = parseArticle('politics/050.txt', BBC_LIST);
    expect(article.paragraphs).toEqual([
      { kind: 'body', text: 'The legislation will be introduced before Christmas. Main points of the plan:' },
      { kind: 'body', text: 'A comprehensive ban on smoking in all enclosed public places' },
      { kind: 'body', text: 'Licensees who fail to enforce the law will face fines up to a maximum of £2,500' },
      { kind: 'body', text: 'Individuals who persistently break the law will face a maximum fine of £1,000.' },
      { kind: 'body', text: '"There are national habits which hold us back - the time has come," he declared.' },
    ]);
  });

  it('keeps a short item as body, never a crosshead', () => {
    expect(blockParagraphs(['- A freeze on petrol duty', ' - Possible help for pensioners'])).toEqual([
      { kind: 'body', text: 'A freeze on petrol duty' },
      { kind: 'body', text: 'Possible help for pensioners' },
    ]);
  });

  it('gives lines before the first item a paragraph of their own and joins a wrapped item', () => {
    expect(blockParagraphs(['In his budget he has:', '- Increased spending on', 'primary education', '– Cut duties', '• Raised the threshold'])).toEqual([
      { kind: 'body', text: 'In his budget he has:' },
      { kind: 'body', text: 'Increased spending on primary education' },
      { kind: 'body', text: 'Cut duties' },
      { kind: 'body', text: 'Raised the threshold' },
    ]);
  });

  it('leaves dashes inside lines, a lone dashed line and a dash without a space alone', () => {
    expect(blockParagraphs(['He said it was over - for now.'])).toEqual([{ kind: 'body', text: 'He said it was over - for now.' }]);
    expect(blockParagraphs(['- Blackburn boss Mark Hughes: "We will progress."'])).toEqual([
      { kind: 'body', text: '- Blackburn boss Mark Hughes: "We will progress."' },
    ]);
    expect(blockParagraphs(['-5 degrees at night and', '-10 by day.'])).toEqual([{ kind: 'body', text: '-5 degrees at night and -10 by day.' }]);
  });
});
