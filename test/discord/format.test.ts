import { describe, expect, it } from 'vitest';
import { formatDate, formatInZone, sourceLink } from '../../src/discord/render/formatArticle.js';
import { renderDigest } from '../../src/discord/render/renderDigest.js';
import { renderQuotes } from '../../src/discord/render/renderQuotes.js';
import { plural } from '../../src/discord/texts.js';
import { composeDigest } from '../../src/digest/composeDigest.js';
import { makeArticle } from '../digest/makeArticle.js';

describe('plural', () => {
  it('puts the noun in the plural unless the count is one', () => {
    expect([plural(0, 'article'), plural(1, 'article'), plural(2, 'file'), plural(2, 'person', 'people')]).toEqual(['0 articles', '1 article', '2 files', '2 people']);
  });
});

describe('formatDate and formatInZone', () => {
  it('print an article date with its time only when it has one, and an instant in a zone', () => {
    expect([formatDate('2012-02-06'), formatDate('2012-02-06T15:55'), formatDate(null)]).toEqual(['6 Feb 2012', '6 Feb 2012 15:55', null]);
    expect(formatInZone('2025-06-01T07:00:00.000Z', 'Europe/London')).toBe('Sun 1 Jun 2025 08:00');
  });
});

describe('sourceLink', () => {
  it('links an http(s) source and escapes what would end the Markdown link', () => {
    expect(sourceLink('https://example.org/a (1)', 'a.md')).toBe('[source](https://example.org/a%20%281%29)');
  });

  it('shows the file instead of a link that is not http(s)', () => {
    expect(sourceLink('javascript:alert(1)', 'a.md')).toBe('`a.md`');
    expect(sourceLink(null, 'we`ird.md')).toBe("`we'ird.md`");
  });

  it('is what the digest and quote renderers use, so neither links a javascript: URL', () => {
    const article = makeArticle('bad.md', { url: 'javascript:alert(1)' });
    const [digest] = renderDigest(composeDigest([article], { since: null, until: '2025-06-01T08:00:00.000Z' }));
    expect(JSON.stringify(digest)).not.toContain('javascript:');
    const quote = { quote: 'words', speaker: null, role: null, kind: 'direct' as const, articleId: 'bad.md', paragraphIndex: 0 };
    const [answer] = renderQuotes({ kind: 'text', query: 'words', matches: [{ quote, article, score: 1 }] });
    expect(JSON.stringify(answer)).not.toContain('javascript:');
  });
});
