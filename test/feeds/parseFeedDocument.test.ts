import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody, FeedFetchError, parseFeedDocument, readFeedDate } from '../../src/feeds/index.js';

const ORIGIN = 'https://feeds.example.org';
const read = (name: string) => Buffer.from(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)).toString('latin1').replaceAll('http://HOST', ORIGIN), 'latin1');
const parse = (name: string, contentType: string | null = null) => parseFeedDocument(decodeBody(read(name), contentType), `${ORIGIN}/${name}`);

describe('parseFeedDocument', () => {
  it('reads RSS 2.0 with CDATA, HTML titles, relative links and RFC 822 / RFC 850 dates', () => {
    const feed = parse('rss2.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Gazette');
    const [ferry, wall, lifeboat] = feed.items;
    expect(ferry).toMatchObject({ guid: 'hg-2026-0001', title: 'Ferry service resumes after storm damage', url: `${ORIGIN}/news/ferry-resumes`, published: '2026-11-30T07:15:00.000Z', author: 'Mara Quinlan', categories: ['Transport'] });
    expect(ferry?.html).toContain('<em>sailed again</em>');
    expect(wall).toMatchObject({ guid: null, published: '2026-11-30T08:00:00.000Z' });
    expect(lifeboat?.published).toBe('2026-11-29T18:30:00.000Z');
  });

  it('reads RSS 1.0 (RDF) with Dublin Core date, creator and subject', () => {
    const feed = parse('rss1.rdf');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({ title: 'Old bridge to close for repairs', url: `${ORIGIN}/wire/bridge`, published: '2026-11-28T10:00:00.000Z', author: 'Ivo Brandt', categories: ['Roads'] });
  });

  it('reads Atom 1.0, resolving links against xml:base and converting offsets to UTC', () => {
    const feed = parse('atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({ guid: 'tag:ledger.example,2026:mill', title: 'Mill reopens after fire', url: `${ORIGIN}/atom/mill-reopens`, published: '2026-11-30T07:00:00.000Z', author: 'Hedda Lind', categories: ['Business'] });
    expect(feed.items[0]?.html).toContain('Forty staff returned.');
  });

  it('reads JSON Feed 1.1', () => {
    const feed = parse('feed.json');
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({ guid: 'cd-42', title: 'Record tide floods promenade', url: `${ORIGIN}/json/tide`, author: 'Owen Price', categories: ['Weather'] });
  });

  it('decodes a Latin-1 feed by its XML prolog even when the header says otherwise', () => {
    const feed = parse('latin1.xml', 'application/rss+xml; charset=utf-8');
    expect(feed.items[0]?.title).toBe('Café du port réouvre');
    expect(feed.items[0]?.html).toBe('Le café a rouvert ses portes à Noël.');
  });

  it('does not expand DTD entities (billion laughs, external entities)', () => {
    // Either refused or read with the entities left unexpanded; never a huge string, never a file's content.
    let text = '';
    try {
      text = JSON.stringify(parse('laughs.xml'));
    } catch (error) {
      expect(error).toBeInstanceOf(FeedFetchError);
    }
    expect(text.length).toBeLessThan(5000);
    expect(text).not.toContain('root:');
  });

  it('reads what it can of malformed XML and refuses what is no feed', () => {
    expect(() => parseFeedDocument('<html><body>Not a feed</body></html>', `${ORIGIN}/page`)).toThrow(
      `${ORIGIN}/page: not a readable RSS, Atom, RDF or JSON feed (Unrecognized feed format)`,
    );
    const broken = parse('malformed.xml');
    expect(broken.items.length).toBeLessThanOrEqual(1);
  });
});

describe('readFeedDate', () => {
  it('reads RFC 822, RFC 850 and ISO dates as UTC, and gives null for the unreadable', () => {
    expect(readFeedDate('Mon, 30 Nov 2026 07:15:00 EST')).toBe('2026-11-30T12:15:00.000Z');
    expect(readFeedDate('2026-11-30T08:00:00+01:00')).toBe('2026-11-30T07:00:00.000Z');
    expect(readFeedDate('yesterday-ish')).toBeNull();
  });
});
