import { mkdtempSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStart } from '../support/runStart.js';

const root = new URL('../..', import.meta.url).pathname;
const expectations = JSON.parse(readFileSync(join(root, 'test/fixtures/seed-expectations.json'), 'utf8')) as {
  article: string;
  ask: { question: string; answer_contains: string }[];
};

describe('console mode (npm start without a token)', () => {
  it('prints one JSON object per non-empty line with --json, answering every ask of the seed expectations', async () => {
    const lines = [...expectations.ask.map(({ question }) => `/ask question:${question}`), '', '/ask zzzzqqq', '/nope', 'not a command', '/ask'];
    const { code, stdout, stderr } = await runStart(`${lines.join('\n')}\n`, ['--json']);
    expect(code).toBe(0);
    const objects = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects).toHaveLength(lines.filter((line) => line.trim() !== '').length);
    expectations.ask.forEach(({ answer_contains }, index) => {
      const results = objects[index]!.results as { id: string; excerpt: string; answer: string | null; headline: string; date: string; section: string; source: string; score: number }[];
      expect(results[0]).toMatchObject({ id: expectations.article.replace(/^seeds\//u, ''), section: 'Middle East', source: 'Al Jazeera', date: '2012-02-06T15:55' });
      expect(results[0]!.excerpt).toContain(answer_contains);
      expect(typeof results[0]!.score).toBe('number');
      // The answer span, when found, is plain text taken from the excerpt.
      for (const result of results) if (result.answer !== null) expect(result.excerpt).toContain(result.answer);
    });
    const [noMatch, unknown, notCommand, missing] = objects.slice(expectations.ask.length);
    expect(noMatch).toMatchObject({ results: [] });
    expect(unknown).toEqual({ error: 'There is no command "/nope". Type /help for the list.' });
    expect(notCommand!.error).toMatch(/^Commands start with "\/"/u);
    expect(missing).toEqual({ error: '/ask needs question:<…>.' });
    // Logs and the load summary go to stderr, never into the JSON stream.
    expect(stderr).toContain('Loaded ');
  });

  it('prints readable text, pages with /more, and reports skipped files with their reason', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'newsdesk-seeds-'));
    cpSync(join(root, 'seeds'), seeds, { recursive: true });
    writeFileSync(join(seeds, 'empty.txt'), '');
    mkdirSync(join(seeds, 'extra'));
    writeFileSync(join(seeds, 'extra', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0]));
    const { code, stdout } = await runStart('/help\n/ask how many people have been killed in Syria\n/more\n/about\n', ['--seeds', seeds]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Loaded 365 articles/u);
    expect(stdout).toMatch(/Skipped 2 files:\n {2}empty\.txt: empty file\n {2}extra\/binary\.txt: /u);
    expect(stdout).toContain('/ask question:<…>');
    expect(stdout).toContain("== 1. Syrian army 'steps up Homs offensive' ==");
    expect(stdout).toContain('at least **6,000 people** have now been **killed**');
    expect(stdout).toContain('== 4. ');
    expect(stdout).toContain('== About this coverage ==');
  });

  it('stops with one line naming a malformed variable', async () => {
    const { code, stdout, stderr } = await runStart('', [], { DIGEST_TIMEZONE: 'Mars/Base' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('newsdesk: configuration error: DIGEST_TIMEZONE: must be an IANA time zone such as Europe/London');
  });
});
