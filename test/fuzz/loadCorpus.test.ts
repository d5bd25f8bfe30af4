import { mkdtemp, rm, writeFile, mkdir, truncate as truncateFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { hostileText } from './arbitraries.js';
import { TimeBudget } from './budget.js';

/** A file a newsroom could drop into `seeds/`, and whether it must load as an article. */
interface SeedFile {
  bytes: Uint8Array;
  /** Loads as an article: always (front matter), only from a `.txt` file (plain layout), or never. */
  good: 'always' | 'txt' | false;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};
const latin1 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0) & 0xff));

const ARTICLE = 'Floods reach the capital\n\nThe river rose by two metres overnight, officials said.\n';

/** Bytes a broken or foreign file holds. */
const badBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.constant(new Uint8Array()),
  fc.constant(utf16le(ARTICLE)),
  fc.constant(latin1('Café crème\n\nLe prix a augmenté à Genève.\n')),
  // Overlong encodings of "/" and of NUL, and a lone continuation byte: not UTF-8.
  fc.constant(Uint8Array.from([0x48, 0x69, 0xc0, 0xaf, 0x0a, 0x0a, 0xe0, 0x80, 0xaf])),
  fc.constant(Uint8Array.from([0x48, 0x0a, 0x0a, 0xc0, 0x80, 0x80])),
  // UTF-8 with a BOM and CRLF line ends, and a surrogate encoded in UTF-8 (CESU): the first parses, the second not.
  fc.constant(Uint8Array.from([0xed, 0xa0, 0x80, 0x0a])),
  hostileText(400).map(utf8),
  fc.constantFrom('"', "'", '“').chain((mark) => fc.integer({ min: 1, max: 5000 }).map((n) => utf8(mark.repeat(n)))),
  fc.integer({ min: 1, max: 20_000 }).map((n) => utf8('x'.repeat(n))),
  fc.constant(utf8('---\ntitle: [unbalanced\n---\n\nBody.\n')),
);

// A plain-layout article is an article only in a `.txt` file: a Markdown file needs a title or a `# Heading`.
const goodFile: fc.Arbitrary<SeedFile> = fc.constantFrom<SeedFile>(
  { bytes: utf8(ARTICLE), good: 'txt' },
  { bytes: utf8(`\ufeff${ARTICLE.replace(/\n/gu, '\r\n')}`), good: 'txt' },
  { bytes: utf8('---\ntitle: A Markdown report\ndate: 2012-02-06\n---\n\nThe text of the report.\n'), good: 'always' },
);

const seedFile: fc.Arbitrary<SeedFile> = fc.oneof(
  { arbitrary: badBytes.map((bytes): SeedFile => ({ bytes, good: false })), weight: 3 },
  { arbitrary: goodFile, weight: 1 },
);

const extension = fc.constantFrom('.txt', '.md', '.markdown', '.TXT', '.json', '', '.txt.bak');

let root: string;
let run = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'newsdesk-fuzz-corpus-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadCorpus (fuzz)', () => {
  it('never throws, lists every file once (article or skipped with a reason) and still loads the good files', async () => {
    const budget = new TimeBudget(3000);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(seedFile, extension, fc.boolean()), { minLength: 1, maxLength: 8 }), async (files) => {
        const dir = path.join(root, `run-${(run += 1)}`);
        await mkdir(path.join(dir, 'desk'), { recursive: true });
        const expected = new Map<string, boolean>();
        await Promise.all(
          files.map(async ([file, suffix, nested], index) => {
            const id = `${nested ? 'desk/' : ''}file-${index}${suffix}`;
            await writeFile(path.join(dir, id), file.bytes);
            const ext = path.extname(id).toLowerCase();
            const isCandidate = ['.txt', '.md', '.markdown'].includes(ext);
            expected.set(id, isCandidate && (file.good === 'always' || (file.good === 'txt' && ext === '.txt')));
          }),
        );
        const corpus = await budget.measureAsync(files.length, () => loadCorpus(dir));
        const seen = [...corpus.articles.map((article) => article.id), ...corpus.skipped.map((skipped) => skipped.file)];
        expect(seen.sort()).toEqual([...expected.keys()].sort());
        for (const skipped of corpus.skipped) expect(skipped.reason.trim().length).toBeGreaterThan(0);
        const loaded = new Set(corpus.articles.map((article) => article.id));
        for (const [id, good] of expected) if (good) expect(loaded.has(id), `${id} should load`).toBe(true);
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 150 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('skips a 10 MB file, UTF-16, Latin-1 and overlong UTF-8 with their reasons, and loads the rest', async () => {
    const dir = path.join(root, 'odd');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'good.txt'), ARTICLE);
    await writeFile(path.join(dir, 'huge.txt'), '');
    await truncateFile(path.join(dir, 'huge.txt'), 10 * 1024 * 1024);
    await writeFile(path.join(dir, 'utf16.txt'), utf16le(ARTICLE));
    await writeFile(path.join(dir, 'latin1.txt'), latin1('Café\n\nCrème brûlée à Genève.\n'));
    await writeFile(path.join(dir, 'overlong.txt'), Uint8Array.from([0x48, 0x0a, 0x0a, 0xc0, 0xaf, 0x2e]));
    await writeFile(path.join(dir, 'quotes.txt'), '"'.repeat(100_000));
    await writeFile(path.join(dir, 'no-newline.txt'), 'word '.repeat(100_000));
    const budget = new TimeBudget(5000);
    const corpus = await budget.measureAsync('odd folder', () => loadCorpus(dir));
    expect(corpus.articles.map((article) => article.id)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(corpus.skipped.map((skipped) => [skipped.file, skipped.reason]));
    expect(reasons['huge.txt']).toMatch(/larger than 2 MB/u);
    expect(reasons['utf16.txt']).toMatch(/NUL/u);
    expect(reasons['latin1.txt']).toBe('not UTF-8 text');
    expect(reasons['overlong.txt']).toBe('not UTF-8 text');
    expect(reasons['quotes.txt']).toBeTruthy();
    expect(reasons['no-newline.txt']).toMatch(/headline is \d+ characters long/u);
    expect(budget.within, budget.report).toBe(true);
  });
});
