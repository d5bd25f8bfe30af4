import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadFeedsFile, parseFeedsYaml } from '../../src/feeds/index.js';

const defaults = { everyMinutes: 15 };

describe('parseFeedsYaml', () => {
  it('applies the defaults to keys left out', () => {
    const [feed] = parseFeedsYaml('feeds.yaml', '- url: https://example.org/rss\n', defaults);
    expect(feed).toMatchObject({ url: 'https://example.org/rss', name: null, section: null, everyMinutes: 15, fullText: true });
  });

  it('reads every key', () => {
    const [feed] = parseFeedsYaml('feeds.yaml', '- url: https://example.org/rss\n  name: Example News\n  section: World\n  every: 30\n  fullText: false\n', defaults);
    expect(feed).toMatchObject({ name: 'Example News', section: 'World', everyMinutes: 30, fullText: false });
  });

  it.each([
    ['- name: No URL\n', 'feeds.yaml: feed 1: url is required (the feed URL)'],
    ['- url: ftp://example.org/rss\n', 'feeds.yaml: feed 1: url must be an http or https URL'],
    ['- url: https://a.org/rss\n- url: https://b.org/rss\n  every: 0\n', 'feeds.yaml: feed 2: every must be at least 1'],
    ['- url: https://a.org/rss\n  fulltext: true\n', 'feeds.yaml: feed 1: fulltext unknown key (expected url, name, section, every, fullText)'],
    ['- url: https://a.org/rss\n- url: https://a.org/rss\n', 'feeds.yaml: feed 2: url https://a.org/rss is listed twice'],
    ['url: https://a.org/rss\n', 'feeds.yaml: must be a YAML list of feeds ("- url: https://…")'],
  ])('refuses %j with one line naming the file and key', (text, message) => {
    expect(() => parseFeedsYaml('feeds.yaml', text, defaults)).toThrow(message);
  });

  it('refuses text that is not YAML', () => {
    expect(() => parseFeedsYaml('feeds.yaml', '- url: [unclosed\n', defaults)).toThrow(/^feeds\.yaml: not valid YAML: /u);
  });
});

describe('loadFeedsFile', () => {
  it('treats a missing default file as no feeds, and a missing named file as an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeds-config-'));
    expect(loadFeedsFile(path.join(dir, 'feeds.yaml'), defaults, false)).toEqual([]);
    expect(() => loadFeedsFile(path.join(dir, 'mine.yaml'), defaults, true)).toThrow('mine.yaml: no such file (FEEDS_FILE names a file that does not exist)');
    writeFileSync(path.join(dir, 'feeds.yaml'), '- url: https://example.org/rss\n');
    expect(loadFeedsFile(path.join(dir, 'feeds.yaml'), defaults, false)).toHaveLength(1);
  });
});

describe('feed settings in the configuration', () => {
  it('has documented defaults', () => {
    expect(loadConfig({}).feeds).toEqual({
      file: 'feeds.yaml', fileRequired: false, everyMinutes: 15, userAgent: 'newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)',
      allowPrivate: false, maxFailures: 10, timeoutSeconds: 20, maxBytes: 5_000_000,
    });
  });
  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ FEEDS_MAX_FAILURES: '0' })).toThrow('FEEDS_MAX_FAILURES: must be at least 1');
    expect(() => loadConfig({ FEEDS_ALLOW_PRIVATE: 'maybe' })).toThrow('FEEDS_ALLOW_PRIVATE: must be true or false');
  });
});
