import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hermeticEnv, runToEnd } from '../support/childProcesses.js';
import { fixture, serve, startFeedServer, type FeedServer } from './feedServer.js';

let server: FeedServer;
let dir: string;
const tsx = path.join('node_modules', '.bin', 'tsx');

function env(overrides: Record<string, string> = {}) {
  return hermeticEnv({ SEEDS_DIR: path.join(dir, 'seeds'), STATE_FILE: path.join(dir, 'state.sqlite'), FEEDS_FILE: path.join(dir, 'feeds.yaml'), FEEDS_ALLOW_PRIVATE: 'true', LOG_LEVEL: 'warn', ...overrides });
}

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/atom', serve(fixture('atom.xml', server.origin), 'application/atom+xml', { etag: '"a1"' }));
  server.route('/gone', (_q, r) => void r.writeHead(410).end());
  dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
  writeFileSync(path.join(dir, 'feeds.yaml'), `- url: ${server.origin}/atom\n  fullText: false\n- url: ${server.origin}/gone\n`);
});
afterAll(() => server.close());

describe('npm run ingest -- --once --json', () => {
  it('prints one object per feed in the documented shape and exits 0 whatever single feeds did', async () => {
    const first = await runToEnd(tsx, ['scripts/ingest.ts', '--once', '--json'], env());
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { feed: `${server.origin}/atom`, status: 'ok', new: 1, updated: 0, skipped: 0, error: null },
      { feed: `${server.origin}/gone`, status: 'error', new: 0, updated: 0, skipped: 0, error: `${server.origin}/gone: HTTP 410` },
    ]);
    // The second run is conditional: the server's ETag comes back, and nothing is new.
    server.route('/atom', (request, response) => void response.writeHead(request.headers['if-none-match'] === '"a1"' ? 304 : 500).end());
    const second = await runToEnd(tsx, ['scripts/ingest.ts', '--once', '--json'], env());
    expect(JSON.parse(second.stdout.split('\n')[0]!)).toEqual({ feed: `${server.origin}/atom`, status: 'not-modified', new: 0, updated: 0, skipped: 0, error: null });
  }, 60_000);

  it('exits 1 with one line naming the problem when the configuration is invalid', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), '- url: gopher://example.org/\n');
    const bad = await runToEnd(tsx, ['scripts/ingest.ts', '--once', '--json'], env({ FEEDS_FILE: path.join(dir, 'bad.yaml') }));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`ingest: ${path.join(dir, 'bad.yaml')}: feed 1: url must be an http or https URL\n`);
    const env2 = await runToEnd(tsx, ['scripts/ingest.ts', '--once'], env({ FEEDS_MAX_FAILURES: 'many' }));
    expect(env2.code).toBe(1);
    expect(env2.stderr).toBe('ingest: FEEDS_MAX_FAILURES: must be a whole number from 1 to 1000\n');
  }, 60_000);
});
