import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateStore, type ClaimRequest } from '../../src/state/stateStore.js';
import { isFinishedRun, type RunStatus } from '../../src/state/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
const open: StateStore[] = [];

function openStore(file = path.join(dir, 'state.db'), now?: () => Date): StateStore {
  const store = StateStore.open(file, now ? { now } : {});
  open.push(store);
  return store;
}

function claim(store: StateStore, overrides: Partial<ClaimRequest> = {}) {
  return store.claimRun({
    guildId: 'g1',
    slot: '2025-06-02T08:00:00.000Z',
    kind: 'scheduled',
    channelId: 'c1',
    owner: 'one',
    now: new Date('2025-06-02T08:00:00.000Z'),
    leaseMs: 10 * 60_000,
    plan: () => ({ since: null, until: '2025-06-02T08:00:00.000Z', articleIds: ['a.md', 'b.md'] }),
    ...overrides,
  });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-state-'));
});

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('StateStore.open', () => {
  it('creates missing folders and a fresh file with no warnings', () => {
    const store = openStore(path.join(dir, 'deep', 'er', 'state.db'));
    expect(existsSync(path.join(dir, 'deep', 'er', 'state.db'))).toBe(true);
    expect(store.warnings).toEqual([]);
    expect(store.baselineAt()).toBeNull();
  });

  it('renames a corrupted file aside and reports it, never silently resetting it', () => {
    const file = path.join(dir, 'state.db');
    writeFileSync(file, 'this is not an SQLite database, just text that someone wrote over it'.repeat(100));
    const store = openStore(file, () => new Date('2025-06-02T08:00:00.000Z'));
    const movedTo = `${file}.corrupt-2025-06-02T08-00-00-000Z`;
    expect(store.warnings).toEqual([
      {
        code: 'corrupt-file-set-aside',
        message: expect.stringContaining(`state file ${file} is corrupted`),
        movedTo,
      },
    ]);
    expect(store.warnings[0]?.message).toContain(`moved it to ${movedTo} and started a new one`);
    expect(existsSync(movedTo)).toBe(true);
    // The new file works.
    expect(store.noteArticles(['a.md'], new Date()).added).toBe(1);
  });

  it('detects a database whose pages were damaged', () => {
    const file = path.join(dir, 'state.db');
    const first = StateStore.open(file);
    first.noteArticles(Array.from({ length: 2000 }, (_, i) => `article-with-a-long-name-${i}.md`), new Date());
    first.close();
    // Overwrite the middle of the file (b-tree pages) with garbage, keeping the header intact.
    const bytes = readFileSync(file);
    bytes.fill(0x41, 8192, 8192 + 4096 * 4);
    writeFileSync(file, bytes);
    const store = openStore(file);
    expect(store.warnings.map((warning) => warning.code)).toEqual(['corrupt-file-set-aside']);
    expect(readdirSync(dir).some((name) => name.startsWith('state.db.corrupt-'))).toBe(true);
  });

  it('leaves the state readable and consistent after a writer is killed mid-write', async () => {
    const file = path.join(dir, 'state.db');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'writeLoop.ts'), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const store = openStore(file);
    expect(store.warnings).toEqual([]);
    const seen = store.firstSeen();
    expect(seen.size).toBeGreaterThan(50);
    // Every transaction is all or nothing: each run that exists is either fully done or was never committed.
    for (const guild of ['guild-0', 'guild-1', 'guild-2']) {
      const last = store.lastCompleted(guild);
      expect(last?.status).toBe('ok');
      expect(last?.partsSent).toBe(1);
    }
    expect(store.noteArticles(['after-kill.md'], new Date()).added).toBe(1);
  });
});

describe('noteArticles', () => {
  it('marks everything seen on the very first call as the baseline, later arrivals as new', () => {
    const store = openStore();
    expect(store.noteArticles(['a.md', 'b.md'], new Date('2025-06-01T00:00:00.000Z'))).toEqual({ added: 2, baseline: true });
    expect(store.noteArticles(['a.md', 'c.md'], new Date('2025-06-01T10:00:00.000Z'))).toEqual({ added: 1, baseline: false });
    expect(store.baselineAt()).toBe('2025-06-01T00:00:00.000Z');
    expect(Object.fromEntries(store.firstSeen())).toEqual({
      'a.md': { at: '2025-06-01T00:00:00.000Z', baseline: true },
      'b.md': { at: '2025-06-01T00:00:00.000Z', baseline: true },
      'c.md': { at: '2025-06-01T10:00:00.000Z', baseline: false },
    });
  });

  it('keeps first-seen times across a reopen', () => {
    const file = path.join(dir, 'state.db');
    const first = StateStore.open(file);
    first.noteArticles(['a.md'], new Date('2025-06-01T00:00:00.000Z'));
    first.close();
    const second = openStore(file);
    expect(second.noteArticles(['a.md', 'b.md'], new Date('2025-06-02T00:00:00.000Z'))).toEqual({ added: 1, baseline: false });
    expect(second.firstSeen().get('a.md')?.at).toBe('2025-06-01T00:00:00.000Z');
  });
});

describe('updateGuild', () => {
  it('stores settings, restarting content only when the guild becomes enabled', () => {
    const store = openStore();
    const enabled = store.updateGuild('g1', { channelId: 'c1', time: '08:00', timezone: 'Europe/London', enabled: true }, new Date('2025-06-01T10:00:00.000Z'), false);
    expect(enabled).toMatchObject({ channelId: 'c1', time: '08:00', timezone: 'Europe/London', enabled: true, activeSince: '2025-06-01T10:00:00.000Z' });
    const moved = store.updateGuild('g1', { time: '09:00' }, new Date('2025-06-03T10:00:00.000Z'), true);
    expect(moved).toMatchObject({ channelId: 'c1', time: '09:00', activeSince: '2025-06-01T10:00:00.000Z', scheduleSince: '2025-06-03T10:00:00.000Z' });
  });
});

describe('claimRun', () => {
  it('claims a new run with the planned content', () => {
    const result = claim(openStore());
    expect(result.claimed).toBe(true);
    expect(result.run).toMatchObject({ status: 'running', owner: 'one', articleIds: ['a.md', 'b.md'], attempts: 1, partsSent: 0 });
  });

  it('refuses a run another owner holds until its lease runs out', () => {
    const store = openStore();
    claim(store);
    expect(claim(store, { owner: 'two', now: new Date('2025-06-02T08:05:00.000Z') })).toMatchObject({ claimed: false, reason: 'busy' });
    expect(claim(store, { owner: 'two', now: new Date('2025-06-02T08:11:00.000Z') })).toMatchObject({ claimed: true });
  });

  it('refuses a done run', () => {
    const store = openStore();
    const first = claim(store);
    store.finishRun(first.run.id, 'one', 'ok', new Date('2025-06-02T08:00:01.000Z'));
    expect(claim(store, { owner: 'two' })).toMatchObject({ claimed: false, reason: 'done' });
  });

  it('keeps the content of a run that sent part of itself, so the retry continues it', () => {
    const store = openStore();
    const first = claim(store);
    store.setPartsTotal(first.run.id, 3);
    expect(store.recordPartSent(first.run.id, 'one', 0, new Date('2025-06-02T08:00:01.000Z'), 60_000)).toBe(true);
    store.failRun(first.run.id, 'one', 'HTTP 500', new Date('2025-06-02T08:00:02.000Z'), new Date('2025-06-02T08:15:00.000Z'));
    expect(store.unfinishedRun('g1')?.id).toBe(first.run.id);
    expect(claim(store, { now: new Date('2025-06-02T08:10:00.000Z') })).toMatchObject({ claimed: false, reason: 'waiting' });
    const retry = claim(store, {
      now: new Date('2025-06-02T08:15:00.000Z'),
      plan: () => ({ since: null, until: 'later', articleIds: ['other.md'] }),
    });
    expect(retry).toMatchObject({ claimed: true, run: { articleIds: ['a.md', 'b.md'], partsSent: 1, partsTotal: 3, attempts: 2 } });
  });

  it('stops a process whose claim was taken over from recording sends', () => {
    const store = openStore();
    const first = claim(store);
    claim(store, { owner: 'two', now: new Date('2025-06-02T08:30:00.000Z') });
    expect(store.recordPartSent(first.run.id, 'one', 0, new Date('2025-06-02T08:30:01.000Z'), 60_000)).toBe(false);
    expect(store.finishRun(first.run.id, 'one', 'ok', new Date('2025-06-02T08:30:01.000Z'))).toBe(false);
  });

  it('lets only one of two connections on one file claim the same run', () => {
    const file = path.join(dir, 'state.db');
    const a = openStore(file);
    const b = openStore(file);
    const results = [claim(a, { owner: 'a' }), claim(b, { owner: 'b' })];
    expect(results.map((result) => result.claimed)).toEqual([true, false]);
  });

  it('marks older failed runs that sent nothing as missed: the new digest carries their articles', () => {
    const store = openStore();
    const old = claim(store, { slot: '2025-06-01T08:00:00.000Z' });
    store.failRun(old.run.id, 'one', 'HTTP 403', new Date('2025-06-01T08:00:01.000Z'), new Date('2025-06-01T08:15:00.000Z'));
    claim(store);
    expect(store.run('g1', '2025-06-01T08:00:00.000Z')).toMatchObject({
      status: 'missed',
      error: 'HTTP 403; superseded by the digest for 2025-06-02T08:00:00.000Z',
    });
  });
});

describe('claimRun across processes', () => {
  it('gives each run to exactly one of two processes racing on one file', async () => {
    const file = path.join(dir, 'state.db');
    StateStore.open(file).close();
    // Node and tsx take a moment to start: both begin claiming at the same instant.
    const startAt = String(Date.now() + 2500);
    const race = () =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'claimLoop.ts'), file, '400', startAt], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`claimer exited ${code}: ${err}`))));
      });
    const [a, b] = await Promise.all([race(), race()]);
    expect([...a!, ...b!].sort((x, y) => x - y)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const store = openStore(file);
    expect(store.lastCompleted('shared-guild')?.status).toBe('ok');
  });
});

describe('recordMissed', () => {
  it('records a slot once and never overrides a done run', () => {
    const store = openStore();
    const now = new Date('2025-06-02T20:00:00.000Z');
    expect(store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'beyond grace', now)).toBe(true);
    expect(store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'beyond grace', now)).toBe(false);
    const done = claim(store, { slot: 'manual:x' });
    store.finishRun(done.run.id, 'one', 'ok', now);
    expect(store.recordMissed('g1', 'manual:x', 'beyond grace', now)).toBe(false);
    expect(store.run('g1', 'manual:x')?.status).toBe('ok');
  });
});

describe('isFinishedRun', () => {
  it('is true for the statuses a run is never claimed again in, and false while it can still post', () => {
    const statuses: RunStatus[] = ['running', 'ok', 'failed', 'empty-skipped', 'missed'];
    expect(statuses.filter(isFinishedRun)).toEqual(['ok', 'empty-skipped', 'missed']);
  });
});
