import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsyncStateStore } from '../../src/state/asyncStateStore.js';
import type { ClaimRequest } from '../../src/state/stateStore.js';
import { postgresBackend, sqliteBackend, type BackendUnderTest, type StateLocationUnderTest } from './backends.js';

/**
 * The state-store contract, one suite for both backends: SQLite (the default) and PostgreSQL (`DATABASE_URL`,
 * a real server on 127.0.0.1). Each test starts from an empty location.
 */
function claim(store: AsyncStateStore, overrides: Partial<ClaimRequest> = {}) {
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

describe.each([sqliteBackend(), postgresBackend()])('the state store contract on $name', (backend: BackendUnderTest) => {
  let location: StateLocationUnderTest;
  const fresh = async (): Promise<AsyncStateStore> => {
    location = await backend.fresh();
    return location.open();
  };

  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop(), 60_000);

  it('says which backend it is', async () => {
    expect((await fresh()).kind).toBe(backend.name);
  });

  describe('noteArticles', () => {
    it('marks everything seen on the very first call as the baseline, later arrivals as new', async () => {
      const store = await fresh();
      expect(await store.baselineAt()).toBeNull();
      expect(await store.noteArticles(['a.md', 'b.md'], new Date('2025-06-01T00:00:00.000Z'))).toEqual({ added: 2, baseline: true });
      expect(await store.noteArticles(['a.md', 'c.md'], new Date('2025-06-01T10:00:00.000Z'))).toEqual({ added: 1, baseline: false });
      expect(await store.baselineAt()).toBe('2025-06-01T00:00:00.000Z');
      expect(Object.fromEntries(await store.firstSeen())).toEqual({
        'a.md': { at: '2025-06-01T00:00:00.000Z', baseline: true },
        'b.md': { at: '2025-06-01T00:00:00.000Z', baseline: true },
        'c.md': { at: '2025-06-01T10:00:00.000Z', baseline: false },
      });
    });

    it('records the baseline of an empty coverage too', async () => {
      const store = await fresh();
      expect(await store.noteArticles([], new Date('2025-06-01T00:00:00.000Z'))).toEqual({ added: 0, baseline: true });
      expect(await store.noteArticles(['a.md'], new Date('2025-06-01T01:00:00.000Z'))).toEqual({ added: 1, baseline: false });
    });

    it('keeps first-seen times across a reopen', async () => {
      const first = await fresh();
      await first.noteArticles(['a.md'], new Date('2025-06-01T00:00:00.000Z'));
      await first.close();
      const second = await location.open();
      expect(await second.noteArticles(['a.md', 'b.md'], new Date('2025-06-02T00:00:00.000Z'))).toEqual({ added: 1, baseline: false });
      expect((await second.firstSeen()).get('a.md')?.at).toBe('2025-06-01T00:00:00.000Z');
    });

    it('takes one baseline when two connections note at once', async () => {
      const a = await fresh();
      const b = await location.open();
      const results = await Promise.all([a.noteArticles(['a.md'], new Date('2025-06-01T00:00:00.000Z')), b.noteArticles(['a.md', 'b.md'], new Date('2025-06-01T00:00:01.000Z'))]);
      expect(results.filter((result) => result.baseline)).toHaveLength(1);
      expect((await a.firstSeen()).size).toBe(2);
    });
  });

  describe('guild settings', () => {
    it('stores settings, restarting content only when the guild becomes enabled', async () => {
      const store = await fresh();
      expect(await store.guild('g1')).toBeNull();
      const enabled = await store.updateGuild('g1', { channelId: 'c1', time: '08:00', timezone: 'Europe/London', enabled: true }, new Date('2025-06-01T10:00:00.000Z'), false);
      expect(enabled).toMatchObject({ channelId: 'c1', time: '08:00', timezone: 'Europe/London', enabled: true, activeSince: '2025-06-01T10:00:00.000Z' });
      const moved = await store.updateGuild('g1', { time: '09:00' }, new Date('2025-06-03T10:00:00.000Z'), true);
      expect(moved).toMatchObject({ channelId: 'c1', time: '09:00', activeSince: '2025-06-01T10:00:00.000Z', scheduleSince: '2025-06-03T10:00:00.000Z' });
      const reset = await store.updateGuild('g1', { time: null, enabled: false }, new Date('2025-06-04T10:00:00.000Z'), true);
      expect(reset).toMatchObject({ time: null, enabled: false, updatedAt: '2025-06-04T10:00:00.000Z' });
    });

    it('creates a guild following the defaults once, and keeps it', async () => {
      const store = await fresh();
      const created = await store.ensureGuild('g1', new Date('2025-06-01T10:00:00.000Z'));
      expect(created).toEqual({
        guildId: 'g1',
        channelId: null,
        time: null,
        timezone: null,
        enabled: null,
        activeSince: '2025-06-01T10:00:00.000Z',
        scheduleSince: '2025-06-01T10:00:00.000Z',
        updatedAt: '2025-06-01T10:00:00.000Z',
      });
      expect(await store.ensureGuild('g1', new Date('2025-06-05T10:00:00.000Z'))).toEqual(created);
    });
  });

  describe('claimRun', () => {
    it('claims a new run with the planned content', async () => {
      const result = await claim(await fresh());
      expect(result.claimed).toBe(true);
      expect(result.run).toMatchObject({ guildId: 'g1', kind: 'scheduled', channelId: 'c1', status: 'running', owner: 'one', articleIds: ['a.md', 'b.md'], attempts: 1, partsSent: 0, until: '2025-06-02T08:00:00.000Z', leaseUntil: '2025-06-02T08:10:00.000Z' });
    });

    it('refuses a run another owner holds until its lease runs out', async () => {
      const store = await fresh();
      await claim(store);
      expect(await claim(store, { owner: 'two', now: new Date('2025-06-02T08:05:00.000Z') })).toMatchObject({ claimed: false, reason: 'busy' });
      expect(await claim(store, { owner: 'two', now: new Date('2025-06-02T08:11:00.000Z') })).toMatchObject({ claimed: true, run: { owner: 'two', attempts: 2 } });
    });

    it('refuses a done run', async () => {
      const store = await fresh();
      const first = await claim(store);
      expect(await store.finishRun(first.run.id, 'one', 'ok', new Date('2025-06-02T08:00:01.000Z'))).toBe(true);
      expect(await claim(store, { owner: 'two' })).toMatchObject({ claimed: false, reason: 'done' });
      expect(await store.lastCompleted('g1')).toMatchObject({ id: first.run.id, status: 'ok', owner: null, finishedAt: '2025-06-02T08:00:01.000Z' });
    });

    it('keeps the content of a run that sent part of itself, so the retry continues it', async () => {
      const store = await fresh();
      const first = await claim(store);
      await store.setPartsTotal(first.run.id, 3);
      expect(await store.recordPartSent(first.run.id, 'one', 0, new Date('2025-06-02T08:00:01.000Z'), 60_000)).toBe(true);
      expect(await store.recordPartSent(first.run.id, 'one', 0, new Date('2025-06-02T08:00:01.000Z'), 60_000)).toBe(false);
      await store.failRun(first.run.id, 'one', 'HTTP 500', new Date('2025-06-02T08:00:02.000Z'), new Date('2025-06-02T08:15:00.000Z'));
      expect((await store.unfinishedRun('g1'))?.id).toBe(first.run.id);
      expect(await claim(store, { now: new Date('2025-06-02T08:10:00.000Z') })).toMatchObject({ claimed: false, reason: 'waiting', run: { retryAt: '2025-06-02T08:15:00.000Z', error: 'HTTP 500' } });
      const retry = await claim(store, {
        now: new Date('2025-06-02T08:15:00.000Z'),
        plan: () => ({ since: '2025-06-02T08:01:00.000Z', until: '2025-06-02T08:15:00.000Z', articleIds: ['other.md'] }),
      });
      expect(retry).toMatchObject({ claimed: true, run: { articleIds: ['a.md', 'b.md'], partsSent: 1, partsTotal: 3, attempts: 2, error: null, since: null } });
    });

    it('plans a failed run that sent nothing afresh', async () => {
      const store = await fresh();
      const first = await claim(store);
      await store.failRun(first.run.id, 'one', 'HTTP 403', new Date('2025-06-02T08:00:02.000Z'), new Date('2025-06-02T08:10:00.000Z'));
      const retry = await claim(store, {
        now: new Date('2025-06-02T08:10:00.000Z'),
        channelId: 'c2',
        plan: () => ({ since: '2025-06-01T08:00:00.000Z', until: '2025-06-02T08:10:00.000Z', articleIds: ['c.md'] }),
      });
      expect(retry).toMatchObject({ claimed: true, run: { articleIds: ['c.md'], channelId: 'c2', since: '2025-06-01T08:00:00.000Z', until: '2025-06-02T08:10:00.000Z', partsTotal: null } });
    });

    it('stops a process whose claim was taken over from recording sends', async () => {
      const store = await fresh();
      const first = await claim(store);
      await claim(store, { owner: 'two', now: new Date('2025-06-02T08:30:00.000Z') });
      expect(await store.recordPartSent(first.run.id, 'one', 0, new Date('2025-06-02T08:30:01.000Z'), 60_000)).toBe(false);
      expect(await store.finishRun(first.run.id, 'one', 'ok', new Date('2025-06-02T08:30:01.000Z'))).toBe(false);
      expect(await store.failRun(first.run.id, 'one', 'late', new Date('2025-06-02T08:30:01.000Z'), new Date('2025-06-02T09:00:00.000Z'))).toBe(false);
    });

    it('lets only one of two connections claim the same run', async () => {
      const a = await fresh();
      const b = await location.open();
      const results = await Promise.all([claim(a, { owner: 'a' }), claim(b, { owner: 'b' })]);
      expect(results.map((result) => result.claimed).sort()).toEqual([false, true]);
    });

    it('gives each of many runs to exactly one of two connections claiming them at once', async () => {
      const a = await fresh();
      const b = await location.open();
      const slots = Array.from({ length: 40 }, (_, index) => new Date(Date.UTC(2025, 0, 1 + index)));
      const race = (store: AsyncStateStore, owner: string) =>
        Promise.all(
          slots.map(async (now) => {
            const result = await claim(store, { slot: now.toISOString(), now, owner, leaseMs: 3_600_000 });
            if (result.claimed) await store.finishRun(result.run.id, owner, 'ok', now);
            return result.claimed ? now.toISOString() : null;
          }),
        );
      const [wonByA, wonByB] = await Promise.all([race(a, 'a'), race(b, 'b')]);
      const won = [...wonByA!, ...wonByB!].filter((slot): slot is string => slot !== null);
      expect(won.sort()).toEqual(slots.map((slot) => slot.toISOString()));
    });

    it('marks older failed runs that sent nothing as missed: the new digest carries their articles', async () => {
      const store = await fresh();
      const old = await claim(store, { slot: '2025-06-01T08:00:00.000Z' });
      await store.failRun(old.run.id, 'one', 'HTTP 403', new Date('2025-06-01T08:00:01.000Z'), new Date('2025-06-01T08:15:00.000Z'));
      await claim(store);
      expect(await store.run('g1', '2025-06-01T08:00:00.000Z')).toMatchObject({
        status: 'missed',
        error: 'HTTP 403; superseded by the digest for 2025-06-02T08:00:00.000Z',
      });
    });
  });

  describe('reading runs', () => {
    it('finds the latest run, the last completed one and a half-sent one', async () => {
      const store = await fresh();
      expect(await store.latestRun('g1')).toBeNull();
      const first = await claim(store, { slot: '2025-06-01T08:00:00.000Z', now: new Date('2025-06-01T08:00:00.000Z'), plan: () => ({ since: null, until: '2025-06-01T08:00:00.000Z', articleIds: [] }) });
      await store.finishRun(first.run.id, 'one', 'empty-skipped', new Date('2025-06-01T08:00:01.000Z'));
      const second = await claim(store);
      await store.recordPartSent(second.run.id, 'one', 0, new Date('2025-06-02T08:00:01.000Z'), 60_000);
      expect((await store.latestRun('g1'))?.id).toBe(second.run.id);
      expect((await store.lastCompleted('g1'))?.id).toBe(first.run.id);
      expect((await store.unfinishedRun('g1'))?.id).toBe(second.run.id);
      expect(await store.unfinishedRun('other')).toBeNull();
    });

    it('gives up unfinished runs that hold no live claim', async () => {
      const store = await fresh();
      const failed = await claim(store, { slot: 'manual:2025-06-01T09:00:00.000Z', kind: 'manual' });
      await store.failRun(failed.run.id, 'one', 'HTTP 404', new Date('2025-06-01T09:00:01.000Z'), new Date('2025-06-01T09:10:00.000Z'));
      await claim(store);
      expect(await store.abandonUnfinished('g1', 'channel changed', new Date('2025-06-02T08:05:00.000Z'))).toBe(1);
      expect(await store.run('g1', 'manual:2025-06-01T09:00:00.000Z')).toMatchObject({ status: 'missed', error: 'HTTP 404; channel changed' });
      expect(await store.run('g1', '2025-06-02T08:00:00.000Z')).toMatchObject({ status: 'running' });
      expect(await store.abandonUnfinished('g1', 'channel changed', new Date('2025-06-02T08:20:00.000Z'))).toBe(1);
    });
  });

  describe('recordMissed', () => {
    it('records a slot once and never overrides a done run', async () => {
      const store = await fresh();
      const now = new Date('2025-06-02T20:00:00.000Z');
      expect(await store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'beyond grace', now)).toBe(true);
      expect(await store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'beyond grace', now)).toBe(false);
      expect(await store.run('g1', '2025-06-02T08:00:00.000Z')).toMatchObject({ status: 'missed', error: 'beyond grace', kind: 'scheduled' });
      const done = await claim(store, { slot: 'manual:x', kind: 'manual' });
      await store.finishRun(done.run.id, 'one', 'ok', now);
      expect(await store.recordMissed('g1', 'manual:x', 'beyond grace', now)).toBe(false);
      expect((await store.run('g1', 'manual:x'))?.status).toBe('ok');
    });

    it('leaves a run under a live claim alone, and takes one whose lease ran out', async () => {
      const store = await fresh();
      await claim(store);
      expect(await store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'late', new Date('2025-06-02T08:05:00.000Z'))).toBe(false);
      expect(await store.recordMissed('g1', '2025-06-02T08:00:00.000Z', 'late', new Date('2025-06-02T08:20:00.000Z'))).toBe(true);
      expect(await store.run('g1', '2025-06-02T08:00:00.000Z')).toMatchObject({ status: 'missed', owner: null, leaseUntil: null });
    });
  });
});
