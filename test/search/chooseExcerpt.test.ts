import { describe, expect, it } from 'vitest';
import { chooseExcerpt, escapeMarkdown, plainText, splitSentences } from '../../src/search/index.js';

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks followed by a capital', () => {
    expect(splitSentences('It rained. Did it? Yes! Then it stopped.')).toEqual(['It rained.', 'Did it?', 'Yes!', 'Then it stopped.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(splitSentences('Mr. Smith met U.S. officials. Growth was 6.5 per cent. J. Doe agreed.')).toEqual([
      'Mr. Smith met U.S. officials.',
      'Growth was 6.5 per cent.',
      'J. Doe agreed.',
    ]);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(splitSentences('"It is horrible," he said. "Rockets are falling." Then silence.')).toEqual([
      '"It is horrible," he said.',
      '"Rockets are falling."',
      'Then silence.',
    ]);
  });
});

describe('chooseExcerpt', () => {
  const paragraph = 'The weather was mild. Troops shelled Homs on Monday. Residents fled. Markets stayed shut all week.';

  it('starts from the sentence with most matched terms and adds neighbours that fit', () => {
    expect(chooseExcerpt(paragraph, ['homs', 'shelled'], { maxLength: 60 })).toBe('Troops **shelled** **Homs** on Monday. Residents fled.');
  });

  it('cuts at sentence boundaries, never mid-sentence, when sentences fit', () => {
    const excerpt = plainText(chooseExcerpt(paragraph, ['markets'], { maxLength: 40 }));
    expect(excerpt).toBe('Markets stayed shut all week.');
  });

  it('windows a single over-long sentence around its first match, marked with ellipses', () => {
    const long = `${'word '.repeat(200)}Homs ${'more '.repeat(200)}end.`;
    const excerpt = chooseExcerpt(long, ['homs'], { maxLength: 120 });
    expect(excerpt.length).toBeLessThanOrEqual(120);
    expect(excerpt).toContain('**Homs**');
    expect(excerpt.startsWith('… ')).toBe(true);
  });

  it('escapes Markdown in the article text', () => {
    expect(chooseExcerpt('A *rare* case_of `code` in Homs.', ['homs'])).toBe('A \\*rare\\* case\\_of \\`code\\` in **Homs**.');
  });
});

describe('escapeMarkdown', () => {
  it('escapes a list or heading marker only at the start of the text', () => {
    expect(escapeMarkdown('- item # not a heading')).toBe('\\- item # not a heading');
  });
});
