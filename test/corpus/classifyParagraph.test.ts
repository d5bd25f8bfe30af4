import { describe, expect, it } from 'vitest';
import { classifyParagraph } from '../../src/corpus/classifyParagraph.js';

describe('classifyParagraph', () => {
  it('returns body for text ending in punctuation, closing quotes included', () => {
    expect(classifyParagraph(['"It is terrible."']).kind).toBe('body');
    expect(classifyParagraph(['Short line.']).kind).toBe('body');
  });

  it('returns crosshead for a short capitalised line without final punctuation', () => {
    expect(classifyParagraph(['EU sanctions bid'])).toEqual({ kind: 'crosshead', text: 'EU sanctions bid' });
    expect(classifyParagraph(["'Non-stop bombing'"]).kind).toBe('crosshead');
  });

  it('returns body for fragments and table rows that look short', () => {
    expect(classifyParagraph(['home to Leicester in the quarter-finals']).kind).toBe('body');
    expect(classifyParagraph(['1986/87 1985/86']).kind).toBe('body');
    expect(classifyParagraph(['Usage --']).kind).toBe('body');
    expect(classifyParagraph(['The candidates are: *, a former director']).kind).toBe('body');
  });

  it('returns caption for an unpunctuated line indented with a no-break space', () => {
    expect(classifyParagraph(['\u00a0Rescue teams at the scene'])).toEqual({
      kind: 'caption',
      text: 'Rescue teams at the scene',
    });
  });

  it('returns caption for one unpunctuated sentence naming someone who speaks to someone', () => {
    expect(classifyParagraph(['Our correspondent reports from Cairo on the protests']).kind).toBe('caption');
  });

  it('returns body for several sentences that only lost the last full stop', () => {
    const text = 'BBC News spoke to analysts on Monday. Most thought the bid would go ahead';
    expect(classifyParagraph([text]).kind).toBe('body');
  });
});
